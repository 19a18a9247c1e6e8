// Pure: the built-in wording of the emails at the end of a case: the agreement's signing link and signed copy (to each
// party), and the follow-up check-in and feedback survey links. A service may replace any of them (Settings → Email
// wording); the placeholders each one knows are the ones its built-in wording uses.
import { msg } from '#src/i18n/i18n.ts';
import type { EmailTemplate } from '#src/features/settings/meeting-policy.ts';

export const CASE_END_TEMPLATE_NAMES = ['agreement_signing_link', 'agreement_copy', 'follow_up_check_in', 'feedback_survey'] as const;
export type CaseEndTemplateName = (typeof CASE_END_TEMPLATE_NAMES)[number];

export const CASE_END_TEMPLATE_LABELS: Record<CaseEndTemplateName, string> = {
  agreement_signing_link: msg('Agreement ready to sign (signing link)'),
  agreement_copy: msg('Copy of the signed agreement'),
  follow_up_check_in: msg('Follow-up check-in'),
  feedback_survey: msg('Feedback survey'),
};

export const CASE_END_TEMPLATES: Record<CaseEndTemplateName, EmailTemplate> = {
  agreement_signing_link: {
    subject: msg('Your agreement with {service} is ready to sign'),
    body: msg(`Dear {recipientName},

Your agreement with {service} is ready for you to read and sign:

{link}

When you open the link we will send a six-digit code to this email address to confirm it is you. The link works once and until {until}.

If you did not expect this email, you can ignore it.

Please do not reply to this email.`),
  },
  agreement_copy: {
    subject: msg('Your copy of the signed agreement with {service}'),
    body: msg(`Dear {recipientName},

Everyone has signed the agreement (reference {reference}). Download your copy here:

{link}

When you open the link we will send a six-digit code to this email address. The link works until {until}.

Please do not reply to this email.`),
  },
  follow_up_check_in: {
    subject: msg('{service}: how is the agreement going?'),
    body: msg(`Dear {recipientName},

We said we would check how things are going since the agreement. It takes a minute to answer:

{link}

The link works once and for {days} days. If you would rather talk, reply to this email or phone us.`),
  },
  feedback_survey: {
    subject: msg('{service}: tell us how mediation went'),
    body: msg(`Dear {recipientName},

Your case with us has closed. Please tell us how it went: it takes two minutes, and it helps us help others.

{link}

The link works once and for {days} days. If you would rather talk, reply to this email or phone us.`),
  },
};
