import type { FastifyInstance } from 'fastify';
import type { Deps } from '#src/deps.ts';

export function registerCasePages(_app: FastifyInstance, _deps: Deps) {}
