// Pure: the built-in email wording, a service's own wording in its place, and {placeholders} filled from a map.
// Plain text first; the HTML twin is one column of a heading and paragraphs: no images, no tracking, no layout tables.
// A placeholder the map does not know stays as typed, so staff see a mistake in their own template.
import { DEFAULT_LOCALE, type Locale, msg, translationOf } from '#src/i18n/i18n.ts';
import type { EmailTemplate } from '#src/features/settings/meeting-policy.ts';
import { CASE_END_TEMPLATE_LABELS, CASE_END_TEMPLATE_NAMES, CASE_END_TEMPLATES } from './templates-case-end.ts';

export const TEMPLATE_NAMES = [
  'meeting_invitation',
  'meeting_changed',
  'meeting_cancelled',
  'meeting_reminder',
  'safeguarding_alert',
  'dbs_alert',
  ...CASE_END_TEMPLATE_NAMES,
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export const TEMPLATE_LABELS: Record<TemplateName, string> = {
  meeting_invitation: msg('Meeting invitation'),
  meeting_changed: msg('Meeting changed'),
  meeting_cancelled: msg('Meeting cancelled'),
  meeting_reminder: msg('Meeting reminder'),
  safeguarding_alert: msg('Safeguarding alert'),
  dbs_alert: msg('DBS recheck alert'),
  ...CASE_END_TEMPLATE_LABELS,
};

/** The wording every service starts with. A service may replace any of them in its meeting settings. */
export const BUILT_IN_TEMPLATES: Record<TemplateName, EmailTemplate> = {
  meeting_invitation: {
    subject: msg('{meetingKind} on {when}'),
    body: msg(`Dear {recipientName},

{service} has arranged a {meetingKindLower} for you.

When: {when}
Where: {where}

The invitation is attached. Add it to your calendar to keep the time.

{howToJoin}

If you need to change this or cannot come, contact {service}: {contact}.

Please do not reply to this email.`),
  },
  meeting_changed: {
    subject: msg('Changed: {meetingKind} is now on {when}'),
    body: msg(`Dear {recipientName},

Your {meetingKindLower} with {service} has changed. {reason}

When: {when}
Where: {where}

The attached invitation replaces the earlier one in your calendar.

{howToJoin}

If you need to change this or cannot come, contact {service}: {contact}.

Please do not reply to this email.`),
  },
  meeting_cancelled: {
    subject: msg('Cancelled: {meetingKind} on {when}'),
    body: msg(`Dear {recipientName},

Your {meetingKindLower} with {service} on {when} has been cancelled. {reason}

The attachment removes it from your calendar. We will be in touch about what happens next.

If you have any questions, contact {service}: {contact}.

Please do not reply to this email.`),
  },
  meeting_reminder: {
    subject: msg('Reminder: {meetingKind} on {when}'),
    body: msg(`Dear {recipientName},

This is a reminder of your {meetingKindLower} with {service}.

When: {when}
Where: {where}

{howToJoin}

If you need to change this or cannot come, contact {service}: {contact}.

Please do not reply to this email.`),
  },
  safeguarding_alert: {
    subject: msg('Safeguarding: a disclosure was recorded on case {caseReference}'),
    body: msg(`Dear {recipientName},

A safeguarding disclosure was recorded on case {caseReference} at {when}.

Sign in to Parley to read it and decide what to do: {link}

For everyone's safety this email does not include what was disclosed.`),
  },
  dbs_alert: {
    subject: msg('DBS recheck {dueWords}: {volunteerName}'),
    body: msg(`Dear {recipientName},

The DBS check for {volunteerName} {dueSentence}

Sign in to Parley to see the details and record the new check: {link}

If you have any questions, contact {service}: {contact}.`),
  },
  ...CASE_END_TEMPLATES,
};

export type RenderedEmail = { subject: string; text: string; html: string };

/** Fills each {name} the map knows; an unknown {name} is left visible. */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? (values[name] ?? '') : whole));
}

/**
 * The service's own wording for a template when it has one (a service writes it in its own language), else the
 * built-in wording in the recipient's language.
 */
export function templateFor(name: TemplateName, overrides: Record<string, EmailTemplate> | undefined, locale: Locale = DEFAULT_LOCALE): EmailTemplate {
  const own = overrides?.[name];
  if (own) return own;
  const builtIn = BUILT_IN_TEMPLATES[name];
  return { subject: translationOf(locale, builtIn.subject), body: translationOf(locale, builtIn.body) };
}

/** Subject, plain text and HTML for one message, in the recipient's language. */
export function renderEmail(
  name: TemplateName,
  values: Record<string, string>,
  overrides?: Record<string, EmailTemplate>,
  locale: Locale = DEFAULT_LOCALE,
): RenderedEmail {
  const template = templateFor(name, overrides, locale);
  const subject = fillPlaceholders(template.subject, values).replace(/\s+/g, ' ').trim();
  const text = tidy(fillPlaceholders(template.body, values));
  return { subject, text, html: toHtml(subject, text) };
}

/** Trailing spaces go, and an empty placeholder leaves no run of blank lines behind. */
function tidy(text: string): string {
  return `${text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
const linkify = (escaped: string) => escaped.replace(/https?:\/\/[^\s<]+[^\s<.,;:)]/g, (url) => `<a href="${url}">${url}</a>`);

/** A heading and one paragraph per block of text; lines within a block keep their breaks. */
export function toHtml(subject: string, text: string): string {
  const paragraphs = text
    .trim()
    .split(/\n\s*\n/)
    .map(
      (block) =>
        `<p>${block
          .split('\n')
          .map((line) => linkify(escapeHtml(line)))
          .join('<br>\n')}</p>`,
    );
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 19px; line-height: 1.4; max-width: 40em; margin: 0 auto; padding: 1em;">',
    `<h1 style="font-size: 1.4em;">${escapeHtml(subject)}</h1>`,
    ...paragraphs,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
