// `parley operator grant EMAIL | revoke EMAIL | list`: who runs this instance and loads the data every service shares.
import { systemActor } from '#src/access/actor.ts';
import { UsageError, withCli } from './context.ts';

const USAGE = 'Usage: npx parley operator grant EMAIL | operator revoke EMAIL | operator list';

export async function operatorCommand(sub: string | undefined, email: string | undefined): Promise<number> {
  if (sub === 'list')
    return withCli(async (deps) => {
      const operators = await deps.operators.list();
      if (!operators.length) console.log('There are no instance operators. Make one with: npx parley operator grant EMAIL');
      for (const o of operators) console.log(`${o.name} <${o.email}>`);
      return 0;
    });
  if ((sub !== 'grant' && sub !== 'revoke') || !email) throw new UsageError(USAGE);
  return withCli(async (deps) => {
    const actor = systemActor('parley cli');
    if (sub === 'grant') {
      const r = await deps.operators.grant(email, actor);
      console.log(
        r.changed
          ? `${r.name} <${r.email}> is now an instance operator: they can load the postcode lookup at /instance/postcodes.`
          : `${r.name} <${r.email}> was already an instance operator.`,
      );
    } else {
      const r = await deps.operators.revoke(email, actor);
      console.log(r.changed ? `${r.name} <${r.email}> is no longer an instance operator.` : `${r.name} <${r.email}> was not an instance operator.`);
      if (r.changed && !(await deps.operators.list()).length)
        console.log('There are no instance operators now: load the postcode lookup with npx parley postcodes import, or grant someone.');
    }
    return 0;
  });
}
