// What the staff enquiries page shows, in one transaction: the enquiries sent through the contact form (the public
// intake's) and the appointments booked from them (the meetings feature's), from one snapshot of the service's data.
import type { Db } from '#src/db/client.ts';
import { readTogether } from '#src/db/tenant.ts';
import type { OrgActor } from '#src/access/actor.ts';
import type { AppointmentService } from '#src/features/meetings/appointments/appointments.service.ts';
import type { PublicIntakeService } from './public-intake.service.ts';

export function createEnquiryPagesService(deps: { db: Db; publicIntake: PublicIntakeService; appointments: AppointmentService }) {
  return {
    /** The enquiries with the status given (all when none), and the appointment booked from each, by its id. */
    enquiriesPage(actor: OrgActor, status?: string) {
      return readTogether(deps.db, actor.orgId, async () => {
        const enquiries = await deps.publicIntake.listEnquiries(actor, status);
        const booked = await deps.appointments.bookedFor(
          actor,
          enquiries.map((e) => e.id),
        );
        return { enquiries, booked };
      });
    },
  };
}
export type EnquiryPagesService = ReturnType<typeof createEnquiryPagesService>;
