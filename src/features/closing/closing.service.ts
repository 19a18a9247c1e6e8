// The end of a case, wired: follow-up, feedback and testimonials, and their parts in the case lifecycle.
import type { ClosingDeps } from './follow-up/follow-up.service.ts';
import { createFollowUpService } from './follow-up/follow-up.service.ts';
import { createFeedbackService } from './feedback/feedback.service.ts';
import { createTestimonialService } from './testimonials/testimonials.service.ts';

export function createClosingService(deps: ClosingDeps) {
  const followUp = createFollowUpService(deps);
  const feedback = createFeedbackService(deps);
  deps.cases.useHooks(followUp.hooks);
  deps.cases.useHooks(feedback.hooks);
  return {
    followUp,
    feedback,
    testimonials: createTestimonialService(deps),
    /** Published for the agreements feature: start follow-up from the agreement's signing (see followUp.startFollowUp). */
    startFollowUp: followUp.startFollowUp,
  };
}
export type ClosingService = ReturnType<typeof createClosingService>;
