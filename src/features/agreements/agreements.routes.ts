// Every agreement page and API route, registered once from app.ts.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '#src/deps.ts';
import { createCasePagesService } from '#src/features/cases/case-pages.service.ts';
import { registerAgreementApi } from './agreements.api.ts';
import { registerDraftingPages } from './drafting/drafting.routes.ts';
import { registerWordingPages } from './drafting/wording.routes.ts';
import { registerPublicSigningPages } from './signing/public-signing.routes.ts';
import { registerSigningPages } from './signing/signing.routes.ts';
import { registerPhoneCodePages } from './signing/phone-code.routes.ts';
import { registerVerifyPages } from './verify/verify.routes.ts';
import { registerOutcomeSharePages } from './sharing/outcome-share.routes.ts';
import { registerOutcomeShareApi } from './sharing/outcome-share.api.ts';

export function registerAgreements(app: FastifyInstance, deps: Deps) {
  const pages = createCasePagesService({ db: deps.db, cases: deps.cases, clock: deps.clock });
  registerDraftingPages(app, deps, pages);
  registerSigningPages(app, deps);
  registerPhoneCodePages(app, deps);
  registerWordingPages(app, deps);
  registerPublicSigningPages(app, deps);
  registerVerifyPages(app, deps);
  registerAgreementApi(app, deps);
  registerOutcomeSharePages(app, deps, pages);
  registerOutcomeShareApi(app, deps);
}
