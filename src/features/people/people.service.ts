// The people in a service: invitations, roles, deactivation.
import { msg } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { asSystem, inOrg } from '#src/db/tenant.ts';
import { AppError, inEnglish, notFound } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import { hashPassword, verifyPassword } from '#src/lib/passwords.ts';
import { refuseWeakPassword } from '#src/lib/password-strength.ts';
import { hashToken, newToken } from '#src/lib/tokens.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { Actor, OrgActor, Role } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import { deleteOrgSessions } from '#src/features/auth/accounts.ts';
import { findUserByEmail, insertUser, updateUser } from '#src/features/auth/accounts.ts';
import { findOrgById } from '#src/features/orgs/org-records.ts';
import {
  countActiveAdmins,
  findInvitationByTokenHash,
  findMember,
  insertInvitation,
  insertMembership,
  listMembers,
  markInvitation,
  membersPart,
  openInvitationsPart,
  updateMembership,
} from './people.repo.ts';
import type { Invite } from './people.schemas.ts';
import { partsReader } from '#src/db/read-in-one.ts';

export const INVITATION_DAYS = 7;

/** The people page's members and open invitations, in one statement (db/read-in-one.ts). */
const peoplePage = partsReader('people_page', { members: membersPart, invitations: openInvitationsPart });

/** Links a new mediator's sign-in to the volunteer record with their email (volunteers' rule, given in deps.ts: people is below volunteers). */
export type LinkVolunteer = (tx: Db, orgId: string, email: string, userId: string) => Promise<string | undefined>;

export function createPeopleService({ db, clock, audit, linkVolunteer }: { db: Db; clock: Clock; audit: Audit; linkVolunteer: LinkVolunteer }) {
  async function guardLastAdmin(tx: Db, actor: OrgActor, userId: string, change: string) {
    const member = await findMember(tx, actor.orgId, userId);
    if (!member) throw notFound(msg('That person was not found'));
    if (member.role === 'admin' && member.status === 'active' && (await countActiveAdmins(tx, actor.orgId)) <= 1)
      throw new AppError('CONFLICT', msg('{name} is the only admin: make someone else an admin before you {change}.'), {
        reason: 'LAST_ADMIN',
        params: { name: member.name, change },
      });
    return member;
  }

  return {
    async list(actor: OrgActor) {
      authorise(actor, 'people.view');
      return inOrg(db, actor.orgId, async (tx) => {
        const read = await peoplePage(tx, ['members', 'invitations'], { orgId: actor.orgId, now: clock.now().toISOString() });
        return { members: read.members!, invitations: read.invitations! };
      });
    },

    /** Creates an invitation and returns the link token (shown once, also to be emailed). */
    async invite(actor: OrgActor, input: Invite) {
      authorise(actor, 'people.manage');
      const token = newToken();
      const expiresAt = new Date(clock.now().getTime() + INVITATION_DAYS * 86_400_000);
      const id = await inOrg(db, actor.orgId, async (tx) => {
        const members = await listMembers(tx, actor.orgId);
        if (members.some((m) => m.email === input.email && m.status === 'active'))
          throw new AppError('CONFLICT', msg('{email} is already a member of this service'), {
            reason: 'ALREADY_MEMBER',
            fields: { email: inEnglish({ text: msg('{email} is already a member of this service'), params: { email: input.email } }) },
            fieldParams: { email: { text: msg('{email} is already a member of this service'), params: { email: input.email } } },
            params: { email: input.email },
          });
        const invitationId = await insertInvitation(tx, { orgId: actor.orgId, ...input, tokenHash: hashToken(token), invitedBy: actor.id, expiresAt });
        await audit.record(tx, actor, actor.orgId, {
          action: 'invitation.created',
          entityType: 'invitation',
          entityId: invitationId,
          detail: { role: input.role },
        });
        return invitationId;
      });
      return { id, token, expiresAt };
    },

    async revokeInvitation(actor: OrgActor, invitationId: string) {
      authorise(actor, 'people.manage');
      await inOrg(db, actor.orgId, async (tx) => {
        if (!(await markInvitation(tx, actor.orgId, invitationId, { revokedAt: clock.now() }))) throw notFound(msg('That invitation was not found'));
        await audit.record(tx, actor, actor.orgId, { action: 'invitation.revoked', entityType: 'invitation', entityId: invitationId });
      });
    },

    /** What the invitation page shows: who invited whom to which service, and whether they already have an account. */
    async describeInvitation(token: string) {
      return asSystem(db, async (tx) => {
        const inv = await findInvitationByTokenHash(tx, hashToken(token));
        if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt < clock.now())
          throw new AppError('NOT_FOUND', msg('This invitation link has expired or has already been used. Ask an admin of the service to invite you again.'), {
            reason: 'INVITATION_INVALID',
          });
        const org = await findOrgById(tx, inv.orgId);
        const existing = await findUserByEmail(tx, inv.email);
        return { invitation: inv, orgName: org?.name ?? '', hasAccount: Boolean(existing?.passwordHash) };
      });
    },

    /** Accepts: a new person sets a password; someone who already has an account confirms theirs. */
    async acceptInvitation(token: string, password: string, ctx: Omit<Actor, 'type'>) {
      const { invitation, hasAccount } = await this.describeInvitation(token);
      const existing = await asSystem(db, (tx) => findUserByEmail(tx, invitation.email));
      if (hasAccount) {
        if (!(await verifyPassword(password, existing?.passwordHash)))
          throw new AppError('UNPROCESSABLE', msg('The password is not right'), {
            reason: 'BAD_CREDENTIALS',
            fields: { password: 'Enter the password you use to sign in to Parley' },
          });
      } else {
        refuseWeakPassword(password, invitation, 'password');
      }
      const passwordHash = hasAccount ? null : await hashPassword(password);
      return asSystem(db, async (tx) => {
        let userId = existing?.id;
        if (!userId) userId = await insertUser(tx, { email: invitation.email, name: invitation.name, passwordHash });
        else if (passwordHash) await updateUser(tx, userId, { passwordHash }); // an account that never had a password
        if (!(await markInvitation(tx, invitation.orgId, invitation.id, { acceptedAt: clock.now() })))
          throw new AppError('CONFLICT', msg('This invitation has already been used'), { reason: 'INVITATION_INVALID' });
        await insertMembership(tx, { orgId: invitation.orgId, userId, role: invitation.role });
        const actor = { ...ctx, type: 'user' as const, id: userId, label: invitation.name };
        // A volunteer invited to sign in: their record (same email, in this service) is linked to the account.
        const volunteerId = invitation.role === 'mediator' ? await linkVolunteer(tx, invitation.orgId, invitation.email, userId) : undefined;
        if (volunteerId)
          await audit.record(tx, actor, invitation.orgId, { action: 'volunteer.linked', entityType: 'volunteer', entityId: volunteerId, detail: { userId } });
        await audit.record(tx, actor, invitation.orgId, {
          action: 'invitation.accepted',
          entityType: 'invitation',
          entityId: invitation.id,
          detail: { role: invitation.role },
        });
        return { userId, email: invitation.email };
      });
    },

    /**
     * The CLI and the demo add a person directly (no invitation). With no password the person gets an
     * invitation link instead, returned here.
     */
    async addMemberAsSystem(orgId: string, input: { email: string; name: string; role: Role; password?: string }, actor: Actor) {
      if (input.password) {
        refuseWeakPassword(input.password, input, 'password');
        const passwordHash = await hashPassword(input.password);
        return asSystem(db, async (tx) => {
          const existing = await findUserByEmail(tx, input.email);
          const userId = existing?.id ?? (await insertUser(tx, { email: input.email, name: input.name, passwordHash }));
          await insertMembership(tx, { orgId, userId, role: input.role });
          await audit.record(tx, actor, orgId, { action: 'membership.created', entityType: 'user', entityId: userId, detail: { role: input.role } });
          return { userId, invitationToken: undefined };
        });
      }
      const token = newToken();
      await inOrg(db, orgId, async (tx) => {
        const id = await insertInvitation(tx, {
          orgId,
          email: input.email.toLowerCase(),
          name: input.name,
          role: input.role,
          tokenHash: hashToken(token),
          invitedBy: null,
          expiresAt: new Date(clock.now().getTime() + INVITATION_DAYS * 86_400_000),
        });
        await audit.record(tx, actor, orgId, { action: 'invitation.created', entityType: 'invitation', entityId: id, detail: { role: input.role } });
      });
      return { userId: undefined, invitationToken: token };
    },

    async changeRole(actor: OrgActor, userId: string, role: Role) {
      authorise(actor, 'people.manage');
      await inOrg(db, actor.orgId, async (tx) => {
        const member = role === 'admin' ? await findMember(tx, actor.orgId, userId) : await guardLastAdmin(tx, actor, userId, 'change their role');
        if (!member) throw notFound(msg('That person was not found'));
        if (member.role === role) return;
        await updateMembership(tx, actor.orgId, userId, { role });
        await audit.record(tx, actor, actor.orgId, {
          action: 'membership.role_changed',
          entityType: 'user',
          entityId: userId,
          detail: { from: member.role, to: role },
        });
      });
    },

    async setActive(actor: OrgActor, userId: string, active: boolean) {
      authorise(actor, 'people.manage');
      if (!active && userId === actor.id)
        throw new AppError('CONFLICT', msg('You cannot deactivate yourself; ask another admin.'), { reason: 'SELF_DEACTIVATION' });
      await inOrg(db, actor.orgId, async (tx) => {
        if (!active) await guardLastAdmin(tx, actor, userId, 'deactivate them');
        const member = await findMember(tx, actor.orgId, userId);
        if (!member) throw notFound(msg('That person was not found'));
        await updateMembership(tx, actor.orgId, userId, { status: active ? 'active' : 'deactivated' });
        await audit.record(tx, actor, actor.orgId, {
          action: active ? 'membership.reactivated' : 'membership.deactivated',
          entityType: 'user',
          entityId: userId,
        });
      });
      // A deactivated person's sessions in this service end at once.
      if (!active) await asSystem(db, (tx) => deleteOrgSessions(tx, userId, actor.orgId));
    },

    async currentOrg(actor: OrgActor) {
      return inOrg(db, actor.orgId, (tx) => findOrgById(tx, actor.orgId));
    },
  };
}
export type PeopleService = ReturnType<typeof createPeopleService>;
