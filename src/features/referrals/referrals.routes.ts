import type { FastifyInstance } from 'fastify';
import type { Deps } from '#src/deps.ts';

export function registerReferralPages(_app: FastifyInstance, _deps: Deps) {}
