// The agreement feature's services, built once (deps.ts) from what they need.
import type { Db } from '#src/db/client.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import type { MeetingService } from '#src/features/meetings/records/meetings.service.ts';
import type { SettingsService } from '#src/features/settings/settings.service.ts';
import type { Clock } from '#src/lib/clock.ts';
import { agreementFactsOf } from './agreement-facts.ts';
import { createDraftingService } from './drafting/drafting.service.ts';
import { createWordingService } from './drafting/wording.service.ts';
import { createOutcomeService } from './outcome.service.ts';
import { createOutcomeShareService } from './sharing/outcome-share.service.ts';
import { createRemoteSigningService } from './signing/remote.service.ts';
import { createPhoneCodeService } from './signing/phone-code.service.ts';
import { createSigningService } from './signing/signing.service.ts';
import { createVerifyService } from './verify/verify.service.ts';

export type AgreementDeps = {
  db: Db;
  clock: Clock;
  audit: Audit;
  cases: CaseService;
  meetings: MeetingService;
  settings: SettingsService;
  secret: string;
  baseUrl: string;
};

export function createAgreementServices(d: AgreementDeps) {
  // The Outcome gate reads the case's agreement through the case lifecycle's hooks (cases depends on nothing here).
  d.cases.useHooks({ agreementFacts: agreementFactsOf });
  return {
    drafting: createDraftingService(d),
    wording: createWordingService(d),
    signing: createSigningService(d),
    remote: createRemoteSigningService(d),
    phoneCode: createPhoneCodeService(d),
    verify: createVerifyService(d),
    outcome: createOutcomeService(d),
    sharing: createOutcomeShareService(d),
  };
}
export type AgreementServices = ReturnType<typeof createAgreementServices>;
