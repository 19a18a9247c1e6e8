// The reports' filter (page query and API query): a period of whole days and, if chosen, a case type, a postcode area
// and a local authority (checked against the service's own when the report is read: settings/service-places.ts).
import { z } from 'zod';
import { msg } from '#src/i18n/i18n.ts';
import { ZCaseTypeCode } from '#src/features/referrals/case-type-choices.ts';
import { isoDate } from '#src/lib/zod-fields.ts';
import { PLACE_QUERY_FIELDS } from '#src/features/settings/service-places.ts';
import { REPORT_IDS } from './report-list.ts';

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const ZReportQuery = z
  .object({
    from: z
      .preprocess(blankToUndefined, isoDate(msg('Start date')).optional())
      .describe('The first day of the period, 2026-04-01; a year before `to` when left out'),
    to: z.preprocess(blankToUndefined, isoDate(msg('End date')).optional()).describe('The last day of the period, 2026-06-30; today when left out'),
    caseType: z
      .preprocess(blankToUndefined, ZCaseTypeCode.optional())
      .describe('Only cases (and referrals) of this type: one of the service’s case types (GET /api/v1/case-types) offered now or on a case'),
    ...PLACE_QUERY_FIELDS,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: msg('The end date must be the same as or after the start date') });
export type ReportQuery = z.infer<typeof ZReportQuery>;

export const ZReportParams = z.object({ report: z.enum(REPORT_IDS).describe('Which report') });
