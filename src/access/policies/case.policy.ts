// Pure: who may do what with a case. Case readers (admins, coordinators, supervisors, safeguarding leads, viewers) see
// every case (a viewer changes nothing: they are not among the writers); anyone else only the cases they coordinate or are on the team of: the team is the sign-ins of the volunteers
// assigned to the case now (an ended assignment loses access). A referrer's API key sees only the cases its own
// referrals became, and no other case is there for it (404). Safeguarding records are for safeguarding leads and admins.
import type { Role } from '../actor.ts';
import { msg } from '#src/i18n/i18n.ts';
import { ALLOW, type Decision, hidden, refuse } from '../decision.ts';
import { type Subject, unreachable, userIdOf } from '../subjects.ts';

export type CaseFacts = { coordinatorId: string | null; teamUserIds: string[]; referredByKeyIds: string[] };

const CASE_READERS: readonly Role[] = ['admin', 'coordinator', 'supervisor', 'safeguarding_lead', 'viewer'];
const CASE_WRITERS: readonly Role[] = ['admin', 'coordinator'];
const SAFEGUARDING: readonly Role[] = ['admin', 'safeguarding_lead'];

export const CASE_MISSING = msg('That case was not found');
const NOT_ON_TEAM = msg('You are not on the team for this case');
const NOT_RECORDING = msg('Only the case team and coordinators record work on a case');

const COMMISSIONER = msg('A commissioner sees only the service’s reports, never a case');

const onTeam = (s: Subject, f: CaseFacts) => {
  const me = userIdOf(s);
  return me !== null && (f.coordinatorId === me || f.teamUserIds.includes(me));
};

/** Actions decided on the case's facts. */
export const CASE_RECORD_RULES = {
  /** Seeing the case and what is recorded on it. */
  view(s: Subject, f: CaseFacts): Decision {
    switch (s.kind) {
      case 'staff':
        return CASE_READERS.includes(s.role) || onTeam(s, f) ? ALLOW : refuse('NOT_ON_CASE', NOT_ON_TEAM);
      case 'volunteer':
        return onTeam(s, f) ? ALLOW : refuse('NOT_ON_CASE', NOT_ON_TEAM);
      case 'referrer':
        return f.referredByKeyIds.includes(s.keyId) ? ALLOW : hidden(CASE_MISSING);
      case 'commissioner':
        return refuse('ROLE_NOT_ALLOWED', COMMISSIONER);
      default:
        return unreachable(s);
    }
  },
  /** Recording contacts, notes, intake, consents and meetings: the case team and coordinators. */
  work(s: Subject, f: CaseFacts): Decision {
    const seen = CASE_RECORD_RULES.view(s, f);
    if (!seen.allowed) return seen;
    switch (s.kind) {
      case 'staff':
        return CASE_WRITERS.includes(s.role) ? ALLOW : refuse('NOT_ON_CASE', NOT_RECORDING);
      case 'volunteer':
        return f.teamUserIds.includes(s.userId) ? ALLOW : refuse('NOT_ON_CASE', NOT_RECORDING);
      case 'referrer':
        return ALLOW; // asking for a further meeting on the case its referral became
      case 'commissioner':
        return refuse('ROLE_NOT_ALLOWED', COMMISSIONER);
      default:
        return unreachable(s);
    }
  },
} as const;

const byRole =
  (roles: readonly Role[], message: string) =>
  (s: Subject): Decision =>
    s.kind !== 'referrer' && s.kind !== 'commissioner' && roles.includes(s.role) ? ALLOW : refuse('ROLE_NOT_ALLOWED', message);

/** Actions decided on who is asking alone (after the case itself has been checked, where there is one). */
export const CASE_GENERAL_RULES = {
  /** Every case in the service, not only the ones the asker is on. */
  see_all: byRole(CASE_READERS, msg('You can see only the cases you are on')),
  move: byRole(CASE_WRITERS, msg('Only case coordinators and admins move cases through their stages')),
  change_parties: byRole(CASE_WRITERS, msg('Only case coordinators and admins change who is on a case')),
  change_pathway: byRole(CASE_WRITERS, msg('Only case coordinators and admins change how a case is worked')),
  read_safeguarding: byRole(SAFEGUARDING, msg('Only safeguarding leads and admins can see safeguarding records')),
  decide_safeguarding: byRole(SAFEGUARDING, msg('Only safeguarding leads and admins can decide safeguarding records')),
} as const;
