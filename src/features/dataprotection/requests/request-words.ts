// People's requests in words.
import { msg } from '#src/i18n/i18n.ts';
import type { ErasureRefusalReason, RequestKind } from './request-rules.ts';

export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  access: msg('Subject access'),
  erasure: msg('Erasure'),
  rectification: msg('Rectification'),
};

export const REFUSAL_REASON_LABELS: Record<ErasureRefusalReason, string> = {
  legal_obligation: msg('Needed to meet a legal obligation'),
  public_task: msg('Needed for a task in the public interest'),
  legal_claims: msg('Needed to make, exercise or defend legal claims'),
  archiving_or_statistics: msg('Needed for archiving or statistics'),
  case_still_open: msg('The case is still open: erasure follows closure'),
};
