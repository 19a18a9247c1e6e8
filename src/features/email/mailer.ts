// The SMTP implementation of Parley's own view of sending mail (lib/mail-transport.ts): nodemailer's pooled transport, configured by PARLEY_SMTP_URL.
import { createRequire } from 'node:module';
import type * as Nodemailer from 'nodemailer';
import type { Mailer, OutgoingMail, SendResult } from '#src/lib/mail-transport.ts';
import { DEFAULT_MAIL_FROM, setMailSettings } from './mail-settings.ts';

export type { Mailer, OutgoingMail, SendResult };

export type SmtpMailerOptions = {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 (TLS from the start). */
  url: string;
  /** "Name <address>" */
  from: string;
  /** Connections kept open at once. */
  maxConnections?: number;
};

/** SMTP's time limits, kept well inside the job lease, so a hung server never lets a second worker send the same message. */
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** The transport's options from an smtp:// or smtps:// URL: credentials from the URL, always pooled. */
export function smtpOptions(url: string, maxConnections = 3): Nodemailer.TransportOptions & Record<string, unknown> {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  if (!secure && u.protocol !== 'smtp:') throw new Error('PARLEY_SMTP_URL must start with smtp:// or smtps://');
  const user = decodeURIComponent(u.username);
  return {
    pool: true,
    maxConnections,
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    ...(user ? { auth: { user, pass: decodeURIComponent(u.password) } } : {}),
    ...TIMEOUTS,
  };
}

export function createSmtpMailer(opts: SmtpMailerOptions): Mailer {
  // Loaded only when a mail server is configured: a Parley without one never pays for it.
  const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof Nodemailer;
  const transport = nodemailer.createTransport(smtpOptions(opts.url, opts.maxConnections));
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: opts.from,
        to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        ...(mail.ics ? { icalEvent: { method: mail.ics.method, filename: 'invite.ics', content: mail.ics.content } } : {}),
        messageId: mail.messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      const accepted = (info.accepted as unknown[]).length > 0 && (info.rejected as unknown[]).length === 0;
      return { accepted, response: String(info.response ?? '') };
    },
    close() {
      transport.close();
    },
  };
}

/** The mailer the configuration asks for, or null (mail is held in the outbox); also fixes who mail comes from. */
export function mailerFromConfig(config: { smtpUrl?: string | undefined; mailFrom?: string | undefined; baseUrl: string }): Mailer | null {
  const from = config.mailFrom ?? DEFAULT_MAIL_FROM;
  setMailSettings(from, config.baseUrl);
  return config.smtpUrl ? createSmtpMailer({ url: config.smtpUrl, from }) : null;
}
