import { describe, expect, it } from 'vitest';
import { isLocale, msg, translator } from './i18n.ts';

describe('translator', () => {
  const t = translator('en');
  it('fills ICU placeholders and plural forms', () => {
    expect(t('{days} days left', { days: 3 })).toBe('3 days left');
    expect(t('{count, plural, one {# case} other {# cases}}', { count: 1 })).toBe('1 case');
    expect(t('{count, plural, one {# case} other {# cases}}', { count: 4 })).toBe('4 cases');
  });
  it('keeps apostrophes in ordinary English text', () => {
    expect(t("The party's answer")).toBe("The party's answer");
  });
  it('shows a placeholder rather than failing when a parameter is missing', () => {
    expect(t('Hello {name}')).toBe('Hello {name}');
  });
  it('falls back to English for a Welsh message not yet translated', () => {
    expect(translator('cy')('Referrals')).toBe('Referrals');
  });
  it('knows its locales and marks messages without changing them', () => {
    expect(isLocale('cy')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(msg('Enter a name')).toBe('Enter a name');
  });
});
