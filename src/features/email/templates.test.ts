import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, fillPlaceholders, renderEmail, TEMPLATE_NAMES, toHtml } from './templates.ts';

describe('fillPlaceholders', () => {
  it('fills the placeholders it knows and leaves unknown ones visible', () => {
    expect(fillPlaceholders('Dear {name}, see you {when}. {unknwon}', { name: 'Sam', when: 'Tuesday' })).toBe('Dear Sam, see you Tuesday. {unknwon}');
  });

  it('fills an empty value as nothing, and does not read placeholders out of the values', () => {
    expect(fillPlaceholders('{a}|{b}', { a: '', b: '{a}' })).toBe('|{a}');
  });

  it('ignores braces that are not placeholders', () => {
    expect(fillPlaceholders('{ not one } {1x} {}', { x: 'y' })).toBe('{ not one } {1x} {}');
  });

  it('does not treat inherited names as known', () => {
    expect(fillPlaceholders('{constructor} {toString}', {})).toBe('{constructor} {toString}');
  });
});

describe('renderEmail', () => {
  const values = {
    recipientName: 'Robin Example',
    service: 'Alpha Mediation',
    meetingKind: 'Joint meeting',
    meetingKindLower: 'joint meeting',
    when: 'Tuesday 15 December 2026, 10:00 to 11:30',
    where: 'Riverside Community Centre, Room 2',
    howToJoin: '',
    contact: '01632 960000',
    reason: '',
  };

  it('has built-in wording for every template, subject and body', () => {
    for (const name of TEMPLATE_NAMES) {
      expect(BUILT_IN_TEMPLATES[name].subject.length).toBeGreaterThan(0);
      expect(BUILT_IN_TEMPLATES[name].body.length).toBeGreaterThan(0);
    }
  });

  it('writes the built-in invitation with no blank-line runs where a value was empty', () => {
    const mail = renderEmail('meeting_invitation', values);
    expect(mail.subject).toBe('Joint meeting on Tuesday 15 December 2026, 10:00 to 11:30');
    expect(mail.text).toContain('When: Tuesday 15 December 2026, 10:00 to 11:30');
    expect(mail.text).toContain('Where: Riverside Community Centre, Room 2');
    expect(mail.text).toContain('contact Alpha Mediation: 01632 960000');
    expect(mail.text).not.toMatch(/\n\n\n/);
    expect(mail.text).not.toMatch(/\{\w+\}/);
  });

  it('uses the service’s own wording when it has some, and leaves its typos visible', () => {
    const mail = renderEmail('meeting_reminder', values, {
      meeting_reminder: { subject: 'See you {when}', body: 'Hello {recipientName}, {servce} here.' },
    });
    expect(mail.subject).toBe('See you Tuesday 15 December 2026, 10:00 to 11:30');
    expect(mail.text).toBe('Hello Robin Example, {servce} here.\n');
  });

  it('keeps other templates built in when a service overrides one', () => {
    const mail = renderEmail('meeting_cancelled', values, { meeting_reminder: { subject: 'x', body: 'y' } });
    expect(mail.subject).toContain('Cancelled');
  });

  it('makes a plain HTML twin: a heading, paragraphs, escaped text, links, no images', () => {
    const html = toHtml('A <subject>', 'First line\nsecond line\n\nJoin: https://meet.example.org/abc-123.\n\n<script>alert(1)</script>');
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<h1 style="font-size: 1.4em;">A &lt;subject&gt;</h1>');
    expect(html).toContain('<p>First line<br>\nsecond line</p>');
    expect(html).toContain('<a href="https://meet.example.org/abc-123">https://meet.example.org/abc-123</a>.');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<img|<table|<script/);
  });
});
