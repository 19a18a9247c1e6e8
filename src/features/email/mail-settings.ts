// Who mail comes from and the domain of its Message-IDs, set once at start-up from the configuration
// (PARLEY_MAIL_FROM, PARLEY_BASE_URL) and read when a message is queued, so queueing needs no configuration passed down.
export type MailSettings = { fromName: string; fromAddress: string; messageIdDomain: string /** Where links in mail point. */; baseUrl: string };

export const DEFAULT_MAIL_FROM = 'Parley <no-reply@localhost>';

let current: MailSettings = parseMailFrom(DEFAULT_MAIL_FROM);

/** "Name <address>" or a bare address. The Message-ID domain is the sender's, or parley.invalid for a local one. */
export function parseMailFrom(from: string, baseUrl = 'http://localhost:3000'): MailSettings {
  const match = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from);
  const fromAddress = (match?.[2] ?? from).trim();
  const fromName = (match?.[1] ?? '').replace(/^"|"$/g, '').trim() || 'Parley';
  const domain = fromAddress.split('@')[1]?.toLowerCase() ?? '';
  const local = domain === '' || domain === 'localhost' || !domain.includes('.');
  return { fromName, fromAddress, messageIdDomain: local ? 'parley.invalid' : domain, baseUrl: baseUrl.replace(/\/$/, '') };
}

export function setMailSettings(from: string, baseUrl?: string): MailSettings {
  current = parseMailFrom(from, baseUrl);
  return current;
}

export const mailSettings = (): MailSettings => current;
