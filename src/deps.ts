// Everything the app needs, built once from the configuration.
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { type Clock, systemClock } from './lib/clock.ts';
import { createLogger, type Logger } from './lib/logger.ts';
import { createSecretBox } from './lib/tokens.ts';
import { createAudit } from './features/audit/audit.service.ts';
import { createAuthService } from './features/auth/auth.service.ts';
import { setPasswordHashCost } from './lib/passwords.ts';
import { createTwoFactorService } from './features/auth/two-factor.service.ts';
import { createPasswordService } from './features/auth/passwords.service.ts';
import { createOperatorService } from './features/auth/operators.service.ts';
import { createPostcodeLoadService } from './features/postcodes/postcode-loads.service.ts';
import { createOrgService } from '#src/features/setup/org-setup.service.ts';
import { createPeopleService } from './features/people/people.service.ts';
import { findMember } from './features/people/people-reads.ts';
import { linkVolunteerByEmail } from './features/volunteers/volunteer-reads.ts';
import { createApiKeyService, TOUCH_EVERY_MS } from './features/apikeys/apikeys.service.ts';
import { keyCacheFor } from './features/apikeys/key-cache.ts';
import { createCaseActivityService } from './features/cases/case-activity.service.ts';
import { createPartyService } from './features/cases/parties.service.ts';
import { createCaseService } from './features/cases/cases.service.ts';
import { caseMediatorFacts } from '#src/features/volunteers/assignments/case-team-facts.ts';
import { createPublicIntakeService } from './features/public/public-intake.service.ts';
import { createReferralService } from './features/referrals/referrals.service.ts';
import { createEnquiryService } from './features/referrals/enquiries.service.ts';
import { createSettingsService } from './features/settings/settings.service.ts';
import { createVolunteerService } from '#src/features/volunteers/records/volunteers.service.ts';
import { createAllocationService } from '#src/features/volunteers/allocation/allocation.service.ts';
import { createAssignmentService } from '#src/features/volunteers/assignments/assignments.service.ts';
import { createDbsService } from '#src/features/volunteers/dbs/dbs.service.ts';
import { createMyTrainingService } from '#src/features/volunteers/my/my-training.service.ts';
import { createTrainingService } from '#src/features/volunteers/training/training.service.ts';
import { createExpenseService } from '#src/features/volunteers/expenses/expenses.service.ts';
import { createHoursService } from '#src/features/volunteers/hours/hours.service.ts';
import { createMyWorkService } from '#src/features/volunteers/my/my-work.service.ts';
import { createSlotService } from '#src/features/meetings/slots/slots.service.ts';
import { createVenueService } from '#src/features/meetings/venues/venues.service.ts';
import { createCalendarService } from '#src/features/meetings/calendar/calendar.service.ts';
import { createAppointmentService } from '#src/features/meetings/appointments/appointments.service.ts';
import { createFeedService } from '#src/features/meetings/feeds/feed.service.ts';
import { createMeetingService } from '#src/features/meetings/records/meetings.service.ts';
import { nextMeetingOfVolunteer } from '#src/features/meetings/meeting-reads.ts';
import { createClosingService } from './features/closing/closing.service.ts';
import { rjContactCheck } from './features/rj/rj-contact-check.ts';
import { createRjService } from './features/rj/rj.service.ts';
import { createBreachService } from './features/dataprotection/breaches/breaches.service.ts';
import { createDataProtectionPagesService } from './features/dataprotection/dataprotection-pages.service.ts';
import { createEnquiryPagesService } from './features/public/enquiry-pages.service.ts';
import { createRequestService } from './features/dataprotection/requests/requests.service.ts';
import { createRetentionService } from './features/dataprotection/retention/retention.service.ts';
import { useFieldKeys } from './lib/field-keys.ts';
import { createSubjectAccessService } from './features/dataprotection/access/subject-access.service.ts';
import { createSendService } from './features/send/send.service.ts';
import { createAgreementServices } from './features/agreements/agreements.services.ts';
import { nameEntities } from './features/system/entity-names.ts';
import { createEmailService } from './features/email/email.service.ts';
import { createReportsService } from './features/reports/reports.service.ts';
import { createReportExportsService } from './features/reports/exports.service.ts';
import { mailerFromConfig } from './features/email/mailer.ts';
import { createWorker } from './jobs/worker.ts';
import { JOBS, RECURRING } from './jobs/registry.ts';

export function createServices(config: Config, database: Database, clock: Clock, log: Logger) {
  const db = database.db;
  setPasswordHashCost(config.passwordHashCost);
  // Safeguarding records, restricted notes and RJ risk assessments are encrypted at rest under the instance secret.
  useFieldKeys(config.secret);
  const audit = createAudit({ clock });
  const auth = createAuthService({ db, clock, audit, idleMinutes: config.idleMinutes, sessionHours: config.sessionHours });
  const box = createSecretBox(config.secret);
  const twoFactor = createTwoFactorService({ db, clock, audit, box, auth, findMember });
  const cases = createCaseService({ db, clock, audit, mediatorFacts: caseMediatorFacts });
  const people = createPeopleService({ db, clock, audit, linkVolunteer: linkVolunteerByEmail });
  const mailer = mailerFromConfig(config);
  const caseActivity = createCaseActivityService({ db, clock, audit, cases });
  const settings = createSettingsService({ db, audit });
  const publicIntake = createPublicIntakeService({ db, clock, audit });
  const appointments = createAppointmentService({ db, clock, audit, settings });
  const breaches = createBreachService({ db, clock, audit });
  const dataRequests = createRequestService({ db, clock, audit });
  const meetings = createMeetingService({ db, clock, audit, cases, settings, contactCheck: rjContactCheck });
  return {
    config,
    database,
    db,
    clock,
    log,
    audit,
    auth,
    twoFactor,
    passwords: createPasswordService({ db, clock, audit, auth, twoFactor, findMember }),
    operators: createOperatorService({ db, audit }),
    postcodeLoads: createPostcodeLoadService({ db, clock, audit, dataDir: config.dataDir }),
    orgs: createOrgService({ db, clock, audit }),
    people,
    apiKeys: createApiKeyService({ db, clock, audit, cache: database.pglite ? keyCacheFor(database.pglite, TOUCH_EVERY_MS) : undefined }),
    settings,
    referrals: createReferralService({ db, clock, audit }),
    enquiries: createEnquiryService({ db, clock, audit }),
    publicIntake,
    cases,
    caseActivity,
    parties: createPartyService({ db, clock, audit, cases }),
    assignments: createAssignmentService({ db, clock, audit, cases }),
    allocation: createAllocationService({ db, clock, audit }),
    volunteers: createVolunteerService({ db, clock, audit, people }),
    training: createTrainingService({ db, clock, audit }),
    dbs: createDbsService({ db, clock, audit, box }),
    myTraining: createMyTrainingService({ db, clock, audit }),
    myWork: createMyWorkService({ db, clock, audit, nextMeeting: nextMeetingOfVolunteer }),
    hours: createHoursService({ db, clock, audit }),
    expenses: createExpenseService({ db, clock, audit }),
    slots: createSlotService({ db, clock, audit, cases, settings }),
    venues: createVenueService({ db, clock, audit }),
    calendar: createCalendarService({ db, clock, audit }),
    appointments,
    enquiryPages: createEnquiryPagesService({ db, publicIntake, appointments }),
    calendarFeeds: createFeedService({ db, clock, audit, baseUrl: config.baseUrl }),
    meetings,
    closing: createClosingService({ db, clock, audit, cases, caseActivity, meetings, baseUrl: config.baseUrl }),
    agreements: createAgreementServices({
      db,
      clock,
      audit,
      cases,
      meetings,
      settings,
      secret: config.secret,
      baseUrl: config.baseUrl,
    }),
    /** What the audit trail calls the records and people it lists (audit sits beneath every feature). */
    nameEntities,
    rj: createRjService({ db, clock, audit, cases }),
    retention: createRetentionService({ db, clock, audit }),
    breaches,
    dataRequests,
    dataProtectionPages: createDataProtectionPagesService({ db, breaches, dataRequests }),
    subjectAccess: createSubjectAccessService({ db, clock, audit }),
    send: createSendService({ db, clock, audit, cases }),
    mailer,
    email: createEmailService({ db, clock, audit, smtpConfigured: mailer !== null }),
    reports: createReportsService({ db, clock, audit }),
    reportExports: createReportExportsService({ db, clock, audit }),
    // The worker waits while requests use the embedded database (db/turns.ts).
    worker: createWorker({ db: database.backgroundDb, clock, log, jobs: JOBS, recurring: RECURRING, mailer }),
  };
}
export type Deps = ReturnType<typeof createServices>;

export async function createDeps(config: Config, opts: { clock?: Clock; log?: Logger; database?: Database } = {}): Promise<Deps> {
  const log = opts.log ?? createLogger(config.logLevel);
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, fastPath: config.dbFastPath }));
  await runMigrations(database);
  return createServices(config, database, opts.clock ?? systemClock, log);
}
