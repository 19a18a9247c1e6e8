// Who may act for the whole Parley instance rather than one service: an instance operator, a flag on a person's
// account (the first-run set-up's admin, and whoever `parley operator grant` names; docs/decisions/010). A service's
// role gives no such power, and an API key never has it: a key belongs to one service.
import { msg } from '#src/i18n/i18n.ts';
import type { Actor } from './actor.ts';
import { ALLOW, type Decision, refuse, refusalError } from './decision.ts';

/** A signed-in person acting for the instance (with or without a current service). */
export type InstanceActor = Actor & { type: 'user'; id: string; operator: boolean };

/** Whether the asker may act for the whole instance, and if not why. Pure. */
export function operatorDecision(actor: Pick<Actor, 'type' | 'operator'> | undefined): Decision {
  if (actor?.type === 'api_key')
    return refuse('NOT_OPERATOR', msg('An API key belongs to one service, so it cannot act for the whole Parley instance. Sign in as an instance operator.'));
  if (actor?.type === 'user' && actor.operator === true) return ALLOW;
  return refuse(
    'NOT_OPERATOR',
    msg('Only an instance operator (whoever runs Parley) can do this, because it changes data every service shares. Ask them to do it.'),
  );
}

/** 403 NOT_OPERATOR, unless the actor is an instance operator. */
export function authoriseOperator(actor: Pick<Actor, 'type' | 'operator'> | undefined): void {
  const decision = operatorDecision(actor);
  if (!decision.allowed) throw refusalError(decision);
}
