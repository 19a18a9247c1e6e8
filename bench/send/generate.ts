// 10,000 SEND cases spanning five years, written straight into the tables (the services would take hours): each case
// opened on a day of the five years, its decision letter up to 40 days before, the MIAS call up to 70 days after it
// (some late), the parent's decision, the ICB notice, mediation held or not, and a certificate in force on most closed
// cases. Cases opened in the last four months are open at every point of the clocks; a few older ones are still open.
import type { Deps } from '#src/deps.ts';
import { systemActor } from '#src/access/actor.ts';
import { asSystem } from '#src/db/tenant.ts';
import { updateOrgSettings } from '#src/features/orgs/org-records.ts';
import type { Runner } from '../cases/generate.ts';

export const SEND_PASSWORD = 'bench lantern orchard send';
const LAS = ['Riverside District Council (fictional)', 'Weald Valley Borough (fictional)', 'Harbour City Council (fictional)', 'Northfold County (fictional)'];
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function generateSendService(deps: Deps, db: Runner, cases: number) {
  const actor = systemActor('parley bench');
  const orgId = await deps.orgs.createOrg({ slug: 'bench-send', name: 'Bench SEND Mediation (fictional)', email: 'hello@bench-send.example.org' }, actor);
  await asSystem(deps.db, (tx) => updateOrgSettings(tx, orgId, { twoFactorRoles: [], referencePrefix: 'SND', caseTypes: ['send'] }));
  const { userId } = await deps.people.addMemberAsSystem(
    orgId,
    { email: 'coordinator@bench-send.example.org', name: 'Coordinator (fictional)', role: 'coordinator', password: SEND_PASSWORD },
    actor,
  );
  const org = lit(orgId);
  await db.query(`
    CREATE TEMP TABLE bench_send AS
    SELECT j, gen_random_uuid() AS id, now() - (random() * 5 * 365) * interval '1 day' AS opened_at
    FROM generate_series(1, ${cases}) j`);
  await db.query(`
    INSERT INTO cases (id, org_id, reference, case_type, status, urgent, coordinator_id, summary, details, local_authority, opened_at, status_changed_at, closed_at)
    SELECT id, ${org}, 'SND-' || extract(year FROM opened_at)::int || '-' || lpad(j::text, 5, '0'), 'send',
           CASE WHEN now() - opened_at < interval '120 days' OR random() < 0.02
                THEN (ARRAY['intake','ready','mediation','outcome'])[1 + floor(random() * 4)::int]
                ELSE (ARRAY['closed','closed','closed','withdrawn'])[1 + floor(random() * 4)::int] END,
           false, ${lit(userId ?? '')}::uuid, 'SEND mediation (bench)', '{}'::jsonb,
           (ARRAY[${LAS.map(lit).join(',')}])[1 + floor(random() * ${LAS.length})::int], opened_at, opened_at, NULL
    FROM bench_send`);
  await db.query(`UPDATE cases SET closed_at = status_changed_at + interval '90 days' WHERE org_id = ${org} AND status IN ('closed', 'withdrawn')`);
  await db.query(`
    INSERT INTO send_cases (case_id, org_id, decision_type, issues, decision_letter_on, requested_by, child_name, local_authority, icbs,
                            mias_on, mias_decision, decision_told_on, icb_notified_on, mediation_held_on, la_attendee_name, la_attendee_role,
                            la_attendee_has_authority, updated_at)
    SELECT b.id, ${org}, 'plan_contents', issues, letter, 'parent', 'Child ' || b.j || ' (fictional)', c.local_authority,
           CASE WHEN 'C' = ANY(issues) OR 'G' = ANY(issues) THEN ARRAY['Riverside ICB (fictional)'] ELSE '{}'::text[] END,
           mias, decision, mias,
           CASE WHEN ('C' = ANY(issues) OR 'G' = ANY(issues)) AND random() < 0.7 THEN mias + 2 END,
           CASE WHEN decision = 'wants_mediation' AND mias + 40 < now()::date AND random() < 0.8 THEN mias + (10 + floor(random() * 35))::int END,
           'Officer ' || b.j, 'SEN manager', true, now()
    FROM bench_send b JOIN cases c ON c.id = b.id,
    LATERAL (SELECT (b.opened_at - (random() * 40) * interval '1 day')::date AS letter) l,
    LATERAL (SELECT CASE WHEN random() < 0.1 + 0 * b.j THEN NULL ELSE least(now()::date, l.letter + floor(random() * 70)::int) END AS mias) m,
    LATERAL (SELECT CASE WHEN m.mias IS NULL THEN NULL
                         ELSE (ARRAY['wants_mediation','wants_mediation','declines','undecided'])[1 + floor(random() * 4)::int] END AS decision,
                    CASE floor(random() * 6 + 0 * b.j)::int WHEN 0 THEN ARRAY['B','F'] WHEN 1 THEN ARRAY['F','G'] WHEN 2 THEN ARRAY['I']
                         WHEN 3 THEN ARRAY['refusal_to_assess'] WHEN 4 THEN ARRAY['cease','F'] ELSE ARRAY['C'] END AS issues) d`);
  await db.query(
    `UPDATE send_cases SET la_attendee_name = NULL, la_attendee_role = NULL, la_attendee_has_authority = NULL WHERE org_id = ${org} AND mediation_held_on IS NULL`,
  );
  // A certificate in force on most cases that reached one (closed ones, and some open ones): numbered in order.
  await db.query(`
    INSERT INTO send_certificates (id, org_id, case_id, number, kind, outcome, issues, issued_on, appeal_deadline, adviser_name,
                                   adviser_organisation, issued_by, created_at)
    SELECT gen_random_uuid(), ${org}, s.case_id, row_number() OVER (ORDER BY s.decision_told_on, s.case_id),
           CASE WHEN s.mias_decision = 'declines' THEN 'declined' WHEN s.mediation_held_on IS NULL THEN 'deemed' ELSE 'after_mediation' END,
           CASE WHEN s.mediation_held_on IS NOT NULL THEN 'partial' END, '[]'::jsonb,
           coalesce(s.mediation_held_on, s.decision_told_on + 2), (s.decision_letter_on + interval '2 months')::date, 'Adviser (fictional)',
           'Bench SEND Mediation (fictional)', 'bench', now()
    FROM send_cases s JOIN cases c ON c.org_id = s.org_id AND c.id = s.case_id
    WHERE s.org_id = ${org} AND s.mias_decision IN ('declines', 'wants_mediation') AND NOT (s.issues = ARRAY['I'])
      AND (c.status IN ('closed', 'withdrawn') OR random() < 0.3)`);
  await db.query('DROP TABLE bench_send');
  const [open] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM send_cases s JOIN cases c ON c.id = s.case_id WHERE s.org_id = ${org} AND c.status NOT IN ('closed', 'withdrawn')`,
  );
  return { orgId, openCases: open?.n ?? 0 };
}
