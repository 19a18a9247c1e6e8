// `parley postcodes import FILE [--names FILE]`: load the ONS postcode directory for the postcode check, with the same
// loader and the same record as an upload on the Instance page (features/postcodes/postcode-loads.service.ts).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemActor } from '#src/access/actor.ts';
import { PostcodeFileError } from '#src/features/postcodes/postcodes-import.ts';
import { UsageError, withCli } from './context.ts';

export async function postcodesCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: { names: { type: 'string' } } });
  const [, sub, file] = positionals;
  const names = typeof values.names === 'string' ? values.names : undefined;
  if (sub !== 'import' || !file) throw new UsageError('Usage: npx parley postcodes import FILE [--names FILE]');
  for (const f of [file, names]) if (f && !existsSync(f)) throw new UsageError(`There is no file ${f}`);
  return withCli(async (deps) => {
    console.log(`Importing postcodes from ${file}${names ? ` with local authority names from ${names}` : ''} …`);
    try {
      const result = await deps.postcodeLoads.loadFromCommandLine(systemActor('parley cli'), file, {
        namesFile: names,
        onProgress: (rows) => console.log(`… ${rows.toLocaleString('en-GB')} rows`),
      });
      console.log(`Imported ${result.total.toLocaleString('en-GB')} postcodes.`);
      const rows = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
      if (result.skipped) console.log(`Skipped ${rows(result.skipped, 'row', 'rows')} without a postcode or a local authority code.`);
      if (result.withoutName)
        console.log(
          `${rows(result.withoutName, 'postcode has', 'postcodes have')} no local authority name, so the code is stored as the name (give the names with --names FILE).`,
        );
      return 0;
    } catch (err) {
      if (err instanceof PostcodeFileError) {
        console.error(err.message);
        return 1;
      }
      throw err;
    }
  });
}
