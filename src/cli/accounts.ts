// parley org create | user create | user reset-2fa | user reset-password | apikey create
import { msg } from '#src/i18n/i18n.ts';
import { systemActor, isRole, ROLES, STAFF_ROLES } from '#src/access/actor.ts';
import { findUserByEmail } from '#src/features/auth/accounts.ts';
import { ZNewOrg } from '#src/features/orgs/orgs.schemas.ts';
import { asSystem } from '#src/db/tenant.ts';
import { AppError } from '#src/lib/app-error.ts';
import { orgBySlug, readStdin, UsageError, withCli } from './context.ts';

type Flags = Record<string, string | boolean | undefined>;
const actor = systemActor('parley cli');

function roleFlag(flags: Flags, allowed: readonly string[] = STAFF_ROLES) {
  const role = flags.role;
  if (!isRole(role) || !allowed.includes(role)) throw new UsageError(`--role must be one of: ${allowed.join(', ')}`);
  return role;
}

function required(flags: Flags, name: string): string {
  const v = flags[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required`);
  return v.trim();
}

export async function orgCreate(flags: Flags) {
  const parsed = ZNewOrg.safeParse({ slug: flags.slug, name: flags.name, email: flags.email, phone: flags.phone });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  await withCli(async (deps) => {
    const id = await deps.orgs.createOrg(parsed.data, actor);
    console.log(`Created service ${parsed.data.name} (${parsed.data.slug}), id ${id}`);
    console.log(`Add its first admin: npx parley user create --org ${parsed.data.slug} --email EMAIL --name NAME --role admin`);
  });
}

export async function userCreate(flags: Flags) {
  const email = required(flags, 'email').toLowerCase();
  const name = required(flags, 'name');
  const role = roleFlag(flags);
  const password = flags['password-stdin'] ? await readStdin() : undefined;
  await withCli(async (deps) => {
    const org = await orgBySlug(deps, flags.org as string | undefined);
    const result = await deps.people.addMemberAsSystem(org.id, { email, name, role, password }, actor);
    if (result.invitationToken) {
      console.log(`Invited ${name} <${email}> to ${org.name} as ${role}. Send them this link (it works once, for 7 days):`);
      console.log(`${deps.config.baseUrl}/invitations/${result.invitationToken}`);
    } else console.log(`${name} <${email}> is now ${role} in ${org.name}.`);
  });
}

export async function userReset2fa(flags: Flags) {
  const email = required(flags, 'email');
  await withCli(async (deps) => {
    const user = await asSystem(deps.db, (tx) => findUserByEmail(tx, email));
    if (!user) throw new AppError('NOT_FOUND', msg('No account has the email address {email}'), { params: { email } });
    await deps.twoFactor.reset(user.id, actor, null);
    console.log(`Two-factor sign-in reset for ${email}: failed attempts cleared, sessions ended. They set it up again at next sign-in.`);
  });
}

/** Emails the person a single-use link to set a new password (the same as "Forgotten your password?"), and prints it. */
export async function userResetPassword(flags: Flags) {
  const email = required(flags, 'email');
  await withCli(async (deps) => {
    const token = await deps.passwords.resetFromCommandLine(email, actor);
    console.log(`A link to set a new password has been emailed to ${email}. It works once, for 30 minutes; using it signs them out everywhere.`);
    console.log(`If mail is not set up yet, give them this link yourself:`);
    console.log(`${deps.config.baseUrl}/reset-password/${token}`);
  });
}

export async function apikeyCreate(flags: Flags) {
  const name = required(flags, 'name');
  const role = roleFlag(flags, ROLES);
  await withCli(async (deps) => {
    const org = await orgBySlug(deps, flags.org as string | undefined);
    const { key } = await deps.apiKeys.createForOrg(org.id, { name, role }, actor);
    console.log(`API key "${name}" for ${org.name}, role ${role}. It is shown once; the key is the last line:`);
    console.log(key);
  });
}
