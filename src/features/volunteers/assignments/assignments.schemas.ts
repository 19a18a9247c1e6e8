// Zod inputs and outputs for assigning mediator pairs, ending assignments, signing off supervised cases and
// batch allocation. The same shapes serve the pages (after reading the form) and the API.
import { z } from 'zod';

const volunteerId = z.string({ error: 'Choose a volunteer' }).uuid('Choose a volunteer from the list');

export const ZMediatorIds = z
  .tuple([volunteerId, volunteerId], { error: 'Choose two volunteers' })
  .refine(([a, b]) => a !== b, { message: 'Choose two different volunteers', path: [1] });

export const ZAssign = z.object({
  mediatorIds: ZMediatorIds,
  /** Admins only: why the pair should be assigned although it breaks a pairing rule. Recorded and audited. */
  overrideJustification: z.string().trim().max(2000, 'Keep the justification to 2,000 characters or fewer').optional(),
});
export type AssignInput = z.infer<typeof ZAssign>;

export const ZEndAssignment = z.object({
  reason: z.string({ error: 'Say why the assignment is ending' }).trim().min(1, 'Say why the assignment is ending').max(1000),
});

export const ZSignOff = z.object({
  notes: z.string().trim().max(5000).optional(),
});

export const ZConfirmAllocations = z.object({
  assignments: z
    .array(z.object({ caseId: z.string().uuid('Case ids are UUIDs'), mediatorIds: ZMediatorIds }))
    .min(1, 'Choose at least one proposed pair to confirm')
    .max(500),
});
export type ConfirmAllocations = z.infer<typeof ZConfirmAllocations>;

export const ZAssignmentOut = z.object({
  id: z.string(),
  caseId: z.string(),
  volunteerId: z.string(),
  name: z.string(),
  role: z.enum(['lead', 'co']),
  supervised: z.boolean(),
  assignedAt: z.string(),
  assignedBy: z.string().nullable(),
  overrideJustification: z.string().nullable(),
  signedOffAt: z.string().nullable(),
  signedOffBy: z.string().nullable(),
  endedAt: z.string().nullable(),
  endedReason: z.string().nullable(),
  active: z.boolean(),
});
export type AssignmentOut = z.infer<typeof ZAssignmentOut>;

export const ZPairSuggestionsOut = z.object({
  suggestions: z.array(
    z.object({
      mediatorIds: z.tuple([z.string(), z.string()]),
      names: z.tuple([z.string(), z.string()]),
      score: z.number(),
      reasons: z.array(z.string()),
      supervised: z.boolean(),
    }),
  ),
  excluded: z.array(z.object({ volunteerId: z.string(), name: z.string(), reasons: z.array(z.string()) })),
});

export const ZProposalOut = z.object({
  caseId: z.string(),
  reference: z.string(),
  mediatorIds: z.tuple([z.string(), z.string()]),
  names: z.tuple([z.string(), z.string()]),
  score: z.number(),
  reasons: z.array(z.string()),
  supervised: z.boolean(),
});

export const ZProposalsOut = z.object({
  proposals: z.array(ZProposalOut),
  unassigned: z.array(z.object({ caseId: z.string(), reference: z.string(), reasons: z.array(z.string()) })),
});

export const ZConfirmOut = z.object({
  assigned: z.array(z.object({ caseId: z.string(), reference: z.string(), assignments: z.array(ZAssignmentOut) })),
  refused: z.array(z.object({ caseId: z.string(), reference: z.string().nullable(), reasons: z.array(z.string()) })),
});
