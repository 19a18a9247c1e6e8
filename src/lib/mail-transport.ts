// Parley's own view of sending mail, so the outbox worker (and the job queue that carries it) depends on no library's
// types and no feature. The SMTP implementation is features/email/mailer.ts.
export type OutgoingMail = {
  /** The RFC 5322 Message-ID fixed when the message was queued: the same on every attempt. */
  messageId: string;
  to: { name: string | null; address: string };
  subject: string;
  text: string;
  html: string | null;
  /** Sent as a text/calendar alternative with this METHOD and as an .ics attachment. */
  ics: { content: string; method: 'REQUEST' | 'CANCEL' } | null;
};

export type SendResult = { accepted: boolean; response: string };

export type Mailer = {
  send(mail: OutgoingMail): Promise<SendResult>;
  /** Closes pooled connections. */
  close(): void;
};
