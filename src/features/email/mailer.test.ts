import { describe, expect, it } from 'vitest';
import { parseMailFrom } from './mail-settings.ts';
import { smtpOptions } from './mailer.ts';

describe('smtpOptions', () => {
  it('reads host, port, TLS and URL-encoded credentials, always pooled', () => {
    expect(smtpOptions('smtps://user%40alpha.example:p%40ss@smtp.example.org')).toMatchObject({
      pool: true,
      host: 'smtp.example.org',
      port: 465,
      secure: true,
      auth: { user: 'user@alpha.example', pass: 'p@ss' },
    });
    const plain = smtpOptions('smtp://127.0.0.1:2525');
    expect(plain).toMatchObject({ host: '127.0.0.1', port: 2525, secure: false });
    expect(plain).not.toHaveProperty('auth');
    expect(smtpOptions('smtp://mail.example.org').port).toBe(587);
  });

  it('keeps every SMTP time limit well inside the job lease', () => {
    const o = smtpOptions('smtp://mail.example.org');
    for (const k of ['connectionTimeout', 'greetingTimeout', 'socketTimeout']) expect(o[k]).toBeLessThanOrEqual(60_000);
  });
});

describe('parseMailFrom', () => {
  it('reads a name and address, and names Message-IDs after the sender’s domain', () => {
    expect(parseMailFrom('Alpha Mediation <no-reply@alpha.example>')).toMatchObject({
      fromName: 'Alpha Mediation',
      fromAddress: 'no-reply@alpha.example',
      messageIdDomain: 'alpha.example',
    });
    expect(parseMailFrom('no-reply@alpha.example').fromName).toBe('Parley');
  });

  it('uses parley.invalid for a local sender', () => {
    expect(parseMailFrom('Parley <no-reply@localhost>').messageIdDomain).toBe('parley.invalid');
  });
});
