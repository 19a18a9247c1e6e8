import type { FastifyInstance } from 'fastify';
import type { Deps } from '#src/deps.ts';

export function registerPublicPages(_app: FastifyInstance, _deps: Deps) {}
