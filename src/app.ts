// buildApp(deps): the Fastify app. It never listens; tests inject requests and main.js listens.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from './deps.ts';
import { registerAssets } from './http/assets.ts';
import { frameworkError, registerErrorHandling } from './http/errors.ts';
import { registerEdgeInput } from './http/edge-input.ts';
import { registerMergePatchBodies } from './http/merge-patch.ts';
import { registerOpenApi } from './http/openapi.ts';
import { registerRequestActor } from './http/request-actor.ts';
import { postgresRateLimitStore } from './http/rate-limit-store.ts';
import { registerSecurity } from './http/security.ts';
import { registerViews } from './http/views.ts';
import { registerLocale } from './http/locale.ts';
import { registerMeRoutes } from './features/api/me.routes.ts';
import { registerCaseApi } from './features/cases/cases.api.ts';
import { registerCasePages } from './features/cases/cases.routes.ts';
import { registerPublicPages } from './features/public/public.routes.ts';
import { registerReferralPages } from './features/referrals/referrals.routes.ts';
import { registerSettingsPages } from './features/settings/settings.routes.ts';
import { registerCaseTypePages } from './features/settings/case-types.routes.ts';
import { registerVolunteerApi } from '#src/features/volunteers/records/volunteers.api.ts';
import { registerVolunteerPages } from '#src/features/volunteers/records/volunteers.routes.ts';
import { registerAllocationPages } from '#src/features/volunteers/allocation/allocation.routes.ts';
import { registerAssignmentApi } from '#src/features/volunteers/assignments/assignments.api.ts';
import { registerCaseMediatorPages } from '#src/features/volunteers/assignments/case-mediators.routes.ts';
import { registerCoursePages } from '#src/features/volunteers/training/courses.routes.ts';
import { registerDbsApi } from '#src/features/volunteers/dbs/dbs.api.ts';
import { registerDbsPages } from '#src/features/volunteers/dbs/dbs.routes.ts';
import { registerTrainingApi } from '#src/features/volunteers/training/training.api.ts';
import { registerTrainingPages } from '#src/features/volunteers/training/training.routes.ts';
import { registerVolunteerPolicyPages } from '#src/features/volunteers/policy/volunteer-policy.routes.ts';
import { registerMeetingPolicyPages } from '#src/features/meetings/policy/meeting-policy.routes.ts';
import { registerEmailWordingPages } from './features/email/email-wording.routes.ts';
import { registerEmailApi } from './features/email/email.api.ts';
import { registerEmailPages } from './features/email/email.routes.ts';
import { registerReportsApi } from './features/reports/reports.api.ts';
import { registerReportsPages } from './features/reports/reports.routes.ts';
import { registerThresholdPage } from './features/reports/threshold.routes.ts';
import { registerReportExports } from './features/reports/exports.routes.ts';
import { registerReportExportsApi } from './features/reports/exports.api.ts';
import { registerExpenseApi } from '#src/features/volunteers/expenses/expenses.api.ts';
import { registerExpensePages } from '#src/features/volunteers/expenses/expenses.routes.ts';
import { registerVenueApi } from '#src/features/meetings/venues/venues.api.ts';
import { registerAppointmentApi } from '#src/features/meetings/appointments/appointments.api.ts';
import { registerAppointmentPages } from '#src/features/meetings/appointments/appointments.routes.ts';
import { registerVenuePages } from '#src/features/meetings/venues/venues.routes.ts';
import { registerSlotApi } from '#src/features/meetings/slots/slots.api.ts';
import { registerSlotPages } from '#src/features/meetings/slots/slots.routes.ts';
import { registerCalendarPages } from '#src/features/meetings/calendar/calendar.routes.ts';
import { registerFeedRoutes } from '#src/features/meetings/feeds/feed.routes.ts';
import { registerMeetings } from '#src/features/meetings/records/meetings.routes.ts';
import { registerAgreements } from './features/agreements/agreements.routes.ts';
import { registerHoursApi } from '#src/features/volunteers/hours/hours.api.ts';
import { registerHoursPages } from '#src/features/volunteers/hours/hours.routes.ts';
import { registerMyPages } from '#src/features/volunteers/my/my.routes.ts';
import { registerPublicApi } from './features/public/public.api.ts';
import { registerReferralApi } from './features/referrals/referrals.api.ts';
import { registerSettingsApi } from './features/settings/settings.api.ts';
import { registerCaseTypesApi } from './features/settings/case-types.api.ts';
import { registerApiKeyRoutes } from './features/apikeys/apikeys.routes.ts';
import { registerAuditRoutes } from './features/audit/audit.routes.ts';
import { registerAuthRoutes } from './features/auth/auth.routes.ts';
import { registerPasswordRoutes } from './features/auth/passwords.routes.ts';
import { registerBreachApi } from './features/dataprotection/breaches/breaches.api.ts';
import { registerRequestApi } from './features/dataprotection/requests/requests.api.ts';
import { registerRetentionApi } from './features/dataprotection/retention/retention.api.ts';
import { registerBreachPages } from './features/dataprotection/breaches/breaches.routes.ts';
import { registerRetentionPages } from './features/dataprotection/retention/retention.routes.ts';
import { registerRequestPages } from './features/dataprotection/requests/requests.routes.ts';
import { registerSend } from './features/send/send.routes.ts';
import { registerClosingApi } from './features/closing/closing.api.ts';
import { registerClosingLinkPages } from './features/closing/closing-links.routes.ts';
import { registerClosingPages } from './features/closing/closing.routes.ts';
import { registerRjApi } from './features/rj/rj.api.ts';
import { registerRjPages } from './features/rj/rj.routes.ts';
import { registerRjPolicyPages } from './features/rj/rj-policy.routes.ts';
import { registerRjReturnRoutes } from './features/rj/returns/rj-return.routes.ts';
import { registerHomeRoutes } from './features/home/home.routes.ts';
import { registerPeopleRoutes } from './features/people/people.routes.ts';
import { registerSetupRoutes } from './features/setup/setup.routes.ts';
import { registerSystemRoutes } from './features/system/system.routes.ts';
import { registerPostcodePages } from './features/postcodes/postcodes.routes.ts';

export type RouteInfo = { method: string; url: string };

export type ParleyApp = FastifyInstance & { routeList: RouteInfo[] };

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
const ZOD_COMPILERS = { buildValidator: () => validatorCompiler, buildSerializer: () => serializerCompiler } as unknown as CompilersFactory;

export async function buildApp(deps: Deps): Promise<ParleyApp> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    trustProxy: deps.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // A malformed web address (bad percent-encoding) gets the same error answer and headers as any other.
    frameworkErrors: (err, req, reply) => frameworkError(err, req, reply),
    // Every route's schemas are zod's: given zod's compilers here (Fastify's documented schemaController option),
    // Fastify does not load Ajv and fast-json-stringify, which it would otherwise build at start and never use.
    // (Its types describe Ajv's compilers only, hence the cast.)
    schemaController: { compilersFactory: ZOD_COMPILERS },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routeList: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routeList.push({ method, url: r.url });
  });

  // Request log: the route pattern, never the path (paths can hold tokens) and no personal data.
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ method: req.method, route: req.routeOptions.url ?? 'not-found', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await registerSecurity(app, {
    secret: deps.config.secret,
    secureCookies: deps.config.secureCookies,
    https: deps.config.baseUrl.startsWith('https:'),
    baseUrl: deps.config.baseUrl,
    // Several web processes can share a PostgreSQL database, so they share the counts; PGlite has one process.
    rateLimitStore: deps.database.kind === 'postgres' ? postgresRateLimitStore({ db: deps.db, clock: deps.clock, secret: deps.config.secret }) : undefined,
  });
  registerLocale(app, { secureCookies: deps.config.secureCookies || deps.config.baseUrl.startsWith('https:') });
  registerMergePatchBodies(app);
  await registerOpenApi(app, deps.config.baseUrl);
  registerViews(app, { noticesFor: (storedSettings) => deps.settings.noticesToday(storedSettings, deps.clock.now()) });
  registerErrorHandling(app, { serviceOf: (slug) => deps.settings.publicService(slug) });
  registerEdgeInput(app);
  registerRequestActor(app, deps);
  await registerAssets(app);

  registerSystemRoutes(app, deps);
  registerSetupRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerPasswordRoutes(app, deps);
  registerHomeRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerApiKeyRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerPostcodePages(app, deps);
  registerPublicPages(app, deps);
  registerReferralPages(app, deps);
  registerCasePages(app, deps);
  registerSettingsPages(app, deps);
  registerCaseTypePages(app, deps);
  registerVolunteerPages(app, deps);
  registerCaseMediatorPages(app, deps);
  registerAllocationPages(app, deps);
  registerTrainingPages(app, deps);
  registerCoursePages(app, deps);
  registerVolunteerPolicyPages(app, deps);
  registerMeetingPolicyPages(app, deps);
  registerEmailWordingPages(app, deps);
  registerDbsPages(app, deps);
  registerMyPages(app, deps);
  registerHoursPages(app, deps);
  registerExpensePages(app, deps);
  registerEmailPages(app, deps);
  registerEmailApi(app, deps);
  registerReportsPages(app, deps);
  registerThresholdPage(app, deps);
  registerReportExports(app, deps);
  registerReportsApi(app, deps);
  registerReportExportsApi(app, deps);
  registerMeRoutes(app, deps);
  registerSettingsApi(app, deps);
  registerCaseTypesApi(app, deps);
  registerPublicApi(app, deps);
  registerReferralApi(app, deps);
  registerCaseApi(app, deps);
  registerVolunteerApi(app, deps);
  registerAssignmentApi(app, deps);

  registerTrainingApi(app, deps);
  registerDbsApi(app, deps);
  registerHoursApi(app, deps);
  registerExpenseApi(app, deps);
  registerVenuePages(app, deps);
  registerVenueApi(app, deps);
  registerSlotPages(app, deps);
  registerSlotApi(app, deps);
  registerCalendarPages(app, deps);
  registerAppointmentPages(app, deps);
  registerAppointmentApi(app, deps);
  registerFeedRoutes(app, deps);
  registerMeetings(app, deps);
  registerClosingPages(app, deps);
  registerClosingLinkPages(app, deps);
  registerClosingApi(app, deps);
  registerAgreements(app, deps);
  registerRjPages(app, deps);
  registerRjPolicyPages(app, deps);
  registerRjApi(app, deps);
  registerRjReturnRoutes(app, deps);
  registerBreachPages(app, deps);
  registerRetentionPages(app, deps);
  registerRequestPages(app, deps);
  registerRetentionApi(app, deps);
  registerBreachApi(app, deps);
  registerRequestApi(app, deps);
  registerSend(app, deps);

  await app.ready();
  const built = app as unknown as ParleyApp;
  built.routeList = routeList;
  return built;
}
