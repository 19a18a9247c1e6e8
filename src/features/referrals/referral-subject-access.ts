// Published by referrals for data protection (subject access): the referrals that named a person, each with the
// person's own entry and the answers given about the case. The other people it named and the referrer are not given:
// they are returned apart, so the caller's redactor takes their names and contact details out of every word (the
// description, the answers, the decision's reason). The caller authorises and audits.
import type { Db } from '#src/db/client.ts';
import type { ReferralParty } from '#src/db/schema/referrals.ts';
import { normEmail, normName, normPhone } from '#src/lib/normalise.ts';
import { referralsNaming } from './referral-subject-access.repo.ts';

export type NamedPerson = { caseId: string; name: string; email: string | null; phone: string | null };

const isThem = (p: ReferralParty, person: readonly NamedPerson[]) =>
  person.some(
    (me) =>
      (normEmail(me.email) && normEmail(me.email) === normEmail(p.email)) ||
      (normPhone(me.phone) && normPhone(me.phone) === normPhone(p.phone)) ||
      normName(me.name) === normName(p.name),
  );

export async function referralRecordsOfPerson(tx: Db, orgId: string, person: readonly NamedPerson[]) {
  const caseIds = [...new Set(person.map((p) => p.caseId))];
  const keys = [
    ...new Set(
      person.flatMap((p) => [normEmail(p.email) ? `e:${normEmail(p.email)}` : '', normPhone(p.phone) ? `t:${normPhone(p.phone)}` : '']).filter(Boolean),
    ),
  ];
  const rows = await referralsNaming(tx, orgId, caseIds, keys);
  return rows.map(({ parties, referrer, caseId, ...r }) => {
    const yours = parties.filter((p) => isThem(p, person));
    const ref = (referrer ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    return {
      record: {
        ...r,
        caseId: caseId && caseIds.includes(caseId) ? caseId : null,
        referredBy: referrer ? ('professional' as const) : ('self' as const),
        you: yours,
      },
      thirdParties: [
        ...parties
          .filter((p) => !yours.includes(p))
          .map((p) => ({ name: p.name, email: p.email, phone: p.phone, address: p.address, postcode: p.postcode, safeContact: p.safeContact })),
        ...(referrer ? [{ name: text(ref.name) ?? '', email: text(ref.email), phone: text(ref.phone) }] : []),
      ],
    };
  });
}

export { caseTypeRows as referralAnswerRows, REFERRAL_STATUS_LABELS, SOURCE_LABELS as REFERRAL_SOURCE_LABELS } from './referral-pages.present.ts';
