// A volunteer's sign-in: they sign in with the mediator role. Staff invite them (the people service makes the
// invitation; accepting it links the record, see people.service.ts) or link a sign-in they already have.
import { msg } from '#src/i18n/i18n.ts';
import { inOrg } from '#src/db/tenant.ts';
import { AppError } from '#src/lib/app-error.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { listMembers } from '#src/features/people/people-reads.ts';
import { INVITATION_DAYS, type PeopleService } from '#src/features/people/people.service.ts';
import { findVolunteerByUserId, getVolunteer, updateVolunteer } from './volunteers.repo.ts';
import type { VolunteerDeps } from './volunteers.service.ts';

export function createVolunteerSignIn({ db, clock, audit, people }: VolunteerDeps & { people: PeopleService }) {
  /** The record, refused when it has no email or a sign-in already; and any active member with its email. */
  async function prepare(actor: OrgActor, volunteerId: string) {
    authorise(actor, 'volunteers.manage');
    return inOrg(db, actor.orgId, async (tx) => {
      const v = await getVolunteer(tx, actor.orgId, volunteerId);
      if (v.userId)
        throw new AppError('CONFLICT', msg('{name} can already sign in: their record is linked to their account'), {
          reason: 'ALREADY_LINKED',
          params: { name: v.name },
        });
      if (!v.email)
        throw new AppError('UNPROCESSABLE', msg('Add {name}’s email address to their details first: the invitation goes to it'), {
          reason: 'NO_EMAIL',
          params: { name: v.name },
        });
      const email = v.email.toLowerCase();
      const member = (await listMembers(tx, actor.orgId)).find((m) => m.email.toLowerCase() === email && m.status === 'active');
      return { v, email, member };
    });
  }

  return {
    /** Invites the volunteer to sign in with the mediator role; returns the link token (shown once). */
    async inviteToSignIn(actor: OrgActor, volunteerId: string) {
      const { v, email, member } = await prepare(actor, volunteerId);
      if (member)
        throw new AppError('CONFLICT', msg('{email} already signs in to this service (as {name}): link the record to that account instead'), {
          reason: 'ALREADY_MEMBER',
          params: { email, name: member.name },
        });
      const { invitationToken } = await people.addMemberAsSystem(actor.orgId, { email, name: v.name, role: 'mediator' }, actor);
      await inOrg(db, actor.orgId, (tx) => audit.record(tx, actor, actor.orgId, { action: 'volunteer.invited', entityType: 'volunteer', entityId: v.id }));
      return { token: invitationToken!, email, name: v.name, expiresAt: new Date(clock.now().getTime() + INVITATION_DAYS * 86_400_000) };
    },

    /** Links the record to the account of the member of this service with the volunteer's email. */
    async linkToAccount(actor: OrgActor, volunteerId: string) {
      const { v, email, member } = await prepare(actor, volunteerId);
      if (!member)
        throw new AppError('UNPROCESSABLE', msg('No one signs in to this service with {email}: invite {name} to sign in instead'), {
          reason: 'NO_ACCOUNT',
          params: { email, name: v.name },
        });
      return inOrg(db, actor.orgId, async (tx) => {
        const linked = await findVolunteerByUserId(tx, actor.orgId, member.userId);
        if (linked)
          throw new AppError('CONFLICT', msg('That account is already linked to the volunteer record of {name}'), {
            reason: 'ACCOUNT_LINKED',
            params: { name: linked.name },
          });
        await updateVolunteer(tx, actor.orgId, v.id, { userId: member.userId, updatedAt: clock.now() });
        await audit.record(tx, actor, actor.orgId, {
          action: 'volunteer.linked',
          entityType: 'volunteer',
          entityId: v.id,
          detail: { userId: member.userId },
        });
        return { userId: member.userId, name: member.name, role: member.role };
      });
    },
  };
}
