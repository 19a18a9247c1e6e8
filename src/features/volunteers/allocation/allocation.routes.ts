// Batch allocation pages (coordinators and admins): the unassigned backlog, "Propose pairs" for all of it, and
// "Confirm selected". Works without JavaScript and keeps nothing on the server between the two steps: each row
// of the proposal carries its case id and the two volunteer ids in hidden fields, and is checked again on confirm.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { asBody, type FormBody, listOf, textOf } from '#src/http/page-form.ts';
import { parseForm } from '#src/http/forms.ts';
import { translator } from '#src/i18n/i18n.ts';
import { caseTypeNamer } from '#src/domain/case-words.ts';
import type { AllocationService } from './allocation.service.ts';
import { ZConfirmAllocations } from '../assignments/assignments.schemas.ts';

const t = translator('en');
const MAX_ROWS = 500;

type Proposals = Awaited<ReturnType<AllocationService['propose']>>;

/** The ticked rows of the proposal table as { caseId, mediatorIds }. */
function tickedRows(b: FormBody) {
  const count = Math.min(Number.parseInt(textOf(b, 'rowCount'), 10) || 0, MAX_ROWS);
  const ticked = new Set(listOf(b, 'rows'));
  const rows: { caseId: string; mediatorIds: string[] }[] = [];
  for (let i = 0; i < count; i++) {
    if (!ticked.has(String(i))) continue;
    rows.push({ caseId: textOf(b, `row-${i}-caseId`), mediatorIds: [textOf(b, `row-${i}-lead`), textOf(b, `row-${i}-co`)] });
  }
  return rows;
}

function proposalModel(p: Proposals) {
  return {
    rows: p.proposals.map((x, i) => ({
      index: i,
      caseId: x.caseId,
      reference: x.reference,
      leadId: x.mediatorIds[0],
      coId: x.mediatorIds[1],
      pair: t('{lead} (lead) and {co}', { lead: x.names[0], co: x.names[1] }),
      score: x.score,
      reasons: x.reasons,
      supervised: x.supervised,
    })),
    unassigned: p.unassigned,
  };
}

export function registerAllocationPages(app: FastifyInstance, deps: Pick<Deps, 'allocation'>) {
  const showProposals = async (req: FastifyRequest, reply: FastifyReply, errors?: { text: string; href: string }[]) =>
    reply.page('volunteers/allocation/views/allocation-proposals.njk', {
      pageTitle: t('Proposed pairs'),
      ...proposalModel(await deps.allocation.propose(req.actor!)),
      errors,
    });

  app.get('/volunteers/allocation', async (req, reply) => {
    const { cases, types } = await deps.allocation.backlog(req.actor!);
    const typeName = caseTypeNamer(t, types);
    const backlog = cases.map((c) => ({ ...c, type: typeName(c.caseType) }));
    return reply.page('volunteers/allocation/views/allocation.njk', { pageTitle: t('Allocate mediators'), backlog });
  });

  app.post('/volunteers/allocation/propose', (req, reply) => showProposals(req, reply));

  app.post('/volunteers/allocation/confirm', async (req, reply) => {
    const rows = tickedRows(asBody(req.body));
    if (!rows.length) return showProposals(req, reply.status(422), [{ text: t('Choose at least one proposed pair to confirm'), href: '#rows' }]);
    const parsed = parseForm(ZConfirmAllocations, { assignments: rows });
    if (!parsed.ok)
      return showProposals(req, reply.status(422), [
        { text: t('The proposal could not be read. These are the pairs proposed now: check them and confirm again.'), href: '#rows' },
      ]);
    const result = await deps.allocation.confirm(req.actor!, parsed.data);
    return reply.page('volunteers/allocation/views/allocation-result.njk', { pageTitle: t('Pairs confirmed'), ...result });
  });
}
