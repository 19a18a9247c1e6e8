// Mail about a person's own account: a password-reset link, a changed password, repeated failed sign-ins. Queued
// in the changing transaction (docs/decisions/006) with no service (org_id null), so no service's staff can read
// it in their outbox — a reset link there would let an admin of one service take over an account used in another.
import type { Db } from '#src/db/client.ts';
import { translator } from '#src/i18n/i18n.ts';
import { mailSettings } from '#src/features/email/mail-settings.ts';
import { momentInWords } from '#src/features/email/mail-words.ts';
import { queueEmail } from '#src/features/email/outbox.ts';

export const ACCOUNT_TEMPLATES = ['password_reset', 'password_changed', 'sign_in_attempts'] as const;
type Person = { email: string; name: string };

const t = translator('en');
const FOOTER = () => t('This email was sent by Parley. Please do not reply to it.');

/** Every account mail: the greeting, its lines, the footer. */
function queue(tx: Db, person: Person, template: (typeof ACCOUNT_TEMPLATES)[number], subject: string, lines: string[], at: Date) {
  const text = [t('Dear {name},', { name: person.name }), ...lines, FOOTER()].join('\n\n');
  return queueEmail(tx, { orgId: null, template, to: person.email, toName: person.name, subject, text, at });
}

const forgotPasswordLink = () => `${mailSettings().baseUrl}/forgot-password`;

export function queuePasswordResetMail(tx: Db, person: Person, token: string, minutes: number, at: Date) {
  const link = `${mailSettings().baseUrl}/reset-password/${token}`;
  return queue(
    tx,
    person,
    'password_reset',
    t('Set a new password for Parley'),
    [
      t('Someone asked to set a new password for the Parley account of {email}. To choose a new password, open this link:', { email: person.email }),
      link,
      t('The link works once, for {minutes} minutes. When you set a new password you are signed out everywhere.', { minutes }),
      t('If you did not ask for this, you can ignore this email: your password has not changed.'),
    ],
    at,
  );
}

export function queuePasswordChangedMail(tx: Db, person: Person, at: Date) {
  return queue(
    tx,
    person,
    'password_changed',
    t('Your Parley password was changed'),
    [
      t('The password for your Parley account was changed on {when}.', { when: momentInWords(at) }),
      t('If you did not do this, set a new password now at {link} and tell an admin of your service.', { link: forgotPasswordLink() }),
    ],
    at,
  );
}

export function queueSignInAttemptsMail(tx: Db, person: Person, failures: number, at: Date) {
  return queue(
    tx,
    person,
    'sign_in_attempts',
    t('Failed attempts to sign in to your Parley account'),
    [
      t(
        'There have been {failures} failed attempts to sign in to your Parley account, the latest on {when}. Signing in now has to wait a little after each further failure.',
        {
          failures,
          when: momentInWords(at),
        },
      ),
      t('If this was you, wait a few minutes and try again, or set a new password at {link}.', { link: forgotPasswordLink() }),
      t('If this was not you, someone may be guessing your password. Choose a new one that you use nowhere else, and tell an admin of your service.'),
    ],
    at,
  );
}
