// `parley` — the command line. Run `npx parley help` for the list.
import { safeErrorReason } from '#src/lib/safe-error.ts';
import { parseArgs } from 'node:util';
import { ConfigError } from '#src/config.ts';
import { DataDirLockedError } from '#src/db/data-dir-lock.ts';
import { AppError } from '#src/lib/app-error.ts';
import { loadDemo } from '#src/demo/load-demo.ts';
import { serve } from '#src/serve.ts';
import { apikeyCreate, orgCreate, userCreate, userReset2fa, userResetPassword } from './accounts.ts';
import { UsageError, withCli } from './context.ts';
import { auditVerify, backup, migrate, restore, secretRotate, worker } from './data.ts';
import { postcodesCommand } from './postcodes.ts';
import { operatorCommand } from './operators.ts';

const USAGE = `Usage: npx parley <command>

  serve                                   start Parley (the same as npm start)
  worker                                  run the job worker on its own (PostgreSQL only)
  migrate                                 apply database migrations and exit
  org create --slug S --name N            create a service
  user create --org S --email E --name N --role R [--password-stdin]
                                          add a person; without --password-stdin an invitation link is printed
  user reset-2fa --email E                clear a person's two-factor set-up and failed sign-ins
  user reset-password --email E           email a person a single-use link to set a new password (also printed)
  apikey create --org S --name N --role R create an API key (the key is the last line printed)
  audit verify [--org S]                  check the audit trail's hash chains; exit 1 if any is broken
  demo                                    load the fictional demo service and print its accounts
  backup FILE                             write a consistent snapshot of all data
  restore FILE [--old-secret-file F] [--allow-unsigned]
                                          restore a snapshot into an empty database (embedded or DATABASE_URL);
                                          F holds the secret it was made with, when that differs from this one's
  secret rotate --old-secret-file F       re-encrypt two-factor keys, DBS numbers, safeguarding records, restricted
                                          notes and RJ assessments from the old secret (in F) to the current one
  postcodes import FILE [--names FILE]    load the ONS postcode directory (CSV) for the postcode check; replaces the last import
  operator grant|revoke EMAIL             make a person an instance operator (they load the postcode lookup from the
                                          browser, at /instance/postcodes), or stop them being one
  operator list                           list the instance operators

Roles: admin, coordinator, supervisor, mediator, safeguarding_lead, viewer`;

async function demo() {
  await withCli(async (deps) => {
    const { created, accounts } = await loadDemo(deps);
    console.log(
      created ? 'Loaded the demo service "Riverside Community Mediation (demo)".' : 'The demo service was already loaded; its passwords have been renewed.',
    );
    console.log(`Sign in at ${deps.config.baseUrl}/sign-in with any of these fictional accounts (two-factor sign-in is off in the demo service):\n`);
    for (const a of accounts) console.log(`  ${a.role.padEnd(18)} ${a.email.padEnd(36)} ${a.password}`);
  });
}

export async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      org: { type: 'string' },
      slug: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      phone: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'old-secret-file': { type: 'string' },
      'allow-unsigned': { type: 'boolean' },
    },
  });
  const [command, sub, arg] = positionals;
  const flags = values as Record<string, string | boolean | undefined>;
  switch (`${command ?? ''} ${['create', 'verify', 'reset-2fa', 'reset-password', 'rotate'].includes(sub ?? '') ? sub : ''}`.trim()) {
    case 'serve':
      await serve();
      return -1; // keeps running
    case 'worker':
      await worker();
      return -1;
    case 'migrate':
      await migrate();
      return 0;
    case 'org create':
      await orgCreate(flags);
      return 0;
    case 'user create':
      await userCreate(flags);
      return 0;
    case 'user reset-2fa':
      await userReset2fa(flags);
      return 0;
    case 'user reset-password':
      await userResetPassword(flags);
      return 0;
    case 'apikey create':
      await apikeyCreate(flags);
      return 0;
    case 'audit verify':
      return auditVerify(flags);
    case 'demo':
      await demo();
      return 0;
    case 'backup':
      await backup(sub);
      return 0;
    case 'restore':
      await restore(sub, flags);
      return 0;
    case 'secret rotate':
      await secretRotate(flags);
      return 0;
    case 'postcodes':
      return postcodesCommand(argv);
    case 'operator':
      return operatorCommand(sub, arg);
    case 'help':
    case '':
      console.log(USAGE);
      return 0;
    default:
      void arg;
      console.error(`Unknown command: ${positionals.join(' ')}\n\n${USAGE}`);
      return 2;
  }
}

/** Runs a command and exits with its code (0 ok, 1 failed, 2 wrong usage); long-running commands stay up. */
export function main(argv: string[]) {
  run(argv).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (err: unknown) => {
      if (err instanceof UsageError || err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof AppError) {
        console.error(err.message);
        process.exit(err instanceof UsageError ? 2 : 1);
      }
      // An unexpected error's message can quote what was typed (a database error quotes the statement's values).
      console.error(`parley: the command failed (${safeErrorReason(err)}).`);
      process.exit(1);
    },
  );
}

if (import.meta.main) main(process.argv.slice(2));
