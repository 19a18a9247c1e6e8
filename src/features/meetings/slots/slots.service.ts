// Finding a meeting time for a case: reads the case's mediators, parties, bookings, venues and the service's rules
// (slot-inputs.repo.ts, settings), checks the search, and asks the pure finder (slot-finder.ts). For those who book
// meetings (meetings.book): coordinators and admins. Each search is audited, as it shows people's availability.
import type { Translate } from '#src/i18n/i18n.ts';
import type { Db } from '#src/db/client.ts';
import { inOrg } from '#src/db/tenant.ts';
import { invalid } from '#src/lib/app-error.ts';
import type { Clock } from '#src/lib/clock.ts';
import type { Audit } from '#src/features/audit/audit.service.ts';
import type { OrgActor } from '#src/access/actor.ts';
import { authorise } from '#src/access/permissions.ts';
import type { CaseService } from '#src/features/cases/cases.service.ts';
import type { ServiceSettings } from '#src/features/settings/settings.schemas.ts';
import type { SettingsService } from '#src/features/settings/settings.service.ts';
import { isRealDate } from '#src/http/page-form.ts';
import { MEETING_KIND_LABELS, ONE_PARTY_KINDS } from '#src/domain/meeting-words.ts';
import { readMeetingPolicy } from '#src/features/settings/meeting-policy.ts';
import { onePartyProblem } from './service-rules.ts';
import { checkSlot, explainDay, findSlots, slotBlockers } from './slot-finder.ts';
import { addDays, londonToUtc, utcToLondon } from './slot-finder.time.ts';
import type { FoundSlot, SlotFinderInput, SlotVenue } from './slot-finder.types.ts';
import { loadSlotPeople, loadSlotVenues, type SlotCaseParty, type SlotRange } from './slot-inputs.repo.ts';
import { parseSlotQuery, type SlotQuery, type SlotQueryInput } from './slots.schemas.ts';
import type { MeetingKind, MeetingMode, MeetingPlace } from '#src/domain/meeting-words.ts';

/** Times start on the quarter hour. */
export const SLOT_STEP_MINUTES = 15;
const DAY_MS = 86_400_000;

type Deps = { db: Db; clock: Clock; audit: Audit; settings: Pick<SettingsService, 'forWork'>; cases: Pick<CaseService, 'caseFor'> };

export type SlotSearch = {
  case: { id: string; reference: string; isSend: boolean };
  query: SlotQuery;
  slots: FoundSlot[];
  /** Why there is no time at all (withdrawn consent, no room big enough …). */
  reasons: string[];
  /** The dates searched that have no time (the search stops once it has enough). */
  datesWithout: string[];
  venues: { id: string; name: string; rooms: { id: string; name: string }[] }[];
  weekends: boolean;
  explained?: { date: string; reasons: string[] };
};

/** The chosen parties: those asked for (each must be the case's), else every party who has not withdrawn consent. */
function chooseParties(query: Pick<SlotQuery, 'kind' | 'partyIds'>, all: SlotCaseParty[]): SlotCaseParty[] {
  const kindLabel = MEETING_KIND_LABELS[query.kind];
  if (query.partyIds) {
    const chosen = query.partyIds.map((id) => all.find((p) => p.id === id));
    if (chosen.some((p) => !p)) throw invalid({ partyIds: 'Choose the parties from this case: one of those given is not on it' });
    const onlyOne = chosen.length > 1 ? onePartyProblem(query.kind, chosen.length) : undefined;
    if (onlyOne) throw invalid({ partyIds: onlyOne });
    return chosen as SlotCaseParty[];
  }
  const willing = all.filter((p) => !p.consentWithdrawn);
  if (ONE_PARTY_KINDS.includes(query.kind) && willing.length > 1) throw invalid({ partyIds: `${kindLabel} is with one party: choose which` });
  return willing;
}

/** The dates from the start of the search to where it stopped that have no time. */
function datesWithout(query: SlotQuery, slots: FoundSlot[], today: string, limit: number): string[] {
  const withTime = new Set(slots.map((s) => utcToLondon(Date.parse(s.start)).date));
  const last = slots.length >= limit ? utcToLondon(Date.parse(slots[slots.length - 1]!.start)).date : query.to;
  const dates: string[] = [];
  for (let d = query.from < today ? today : query.from; d <= last; d = addDays(d, 1)) if (!withTime.has(d)) dates.push(d);
  return dates;
}

type CaseFacts = { id: string; caseType: string; caseKind: string };
type FinderFacts = Pick<SlotQuery, 'kind' | 'mode' | 'place' | 'durationMinutes' | 'from' | 'to' | 'shortNoticeAgreed'>;

/** The finder's input for a case, read inside the caller's transaction: its mediators, the chosen parties, venues. */
async function finderInput(
  tx: Db,
  orgId: string,
  c: CaseFacts,
  facts: FinderFacts,
  chosenIds: string[] | null,
  venueId: string | null,
  now: Date,
  service: ServiceSettings,
  range: SlotRange,
) {
  const people = await loadSlotPeople(tx, orgId, c.id, range);
  const venues: SlotVenue[] = facts.place === 'venue' && facts.mode === 'in_person' ? await loadSlotVenues(tx, orgId, range, venueId ?? undefined) : [];
  if (venueId && facts.place === 'venue' && !venues.length) throw invalid({ venueId: 'Choose one of the service’s venues' });
  const chosen = chooseParties({ kind: facts.kind, partyIds: chosenIds }, people.parties);
  const input: SlotFinderInput = {
    ...facts,
    now,
    policy: { ...readMeetingPolicy(service), stepMinutes: SLOT_STEP_MINUTES },
    isSend: c.caseKind === 'send',
    notices: service.notices,
    mediators: people.mediators,
    parties: chosen,
    venues,
  };
  return { input, chosen, venues };
}

/** The range of bookings that matter for dates from–to (with a day's margin for travel time and clock changes). */
const rangeFor = (from: string, to: string): SlotRange => ({
  start: new Date(londonToUtc(from, 0) - DAY_MS),
  end: new Date(londonToUtc(addDays(to, 1), 0) + DAY_MS),
});

/** What a booking must say to be checked against the finder's rules. */
export type TimeToCheck = {
  start: Date;
  end: Date;
  kind: MeetingKind;
  mode: MeetingMode;
  place: MeetingPlace | null;
  venueId?: string | null;
  roomId?: string | null;
  partyIds: string[];
  shortNoticeAgreed: boolean;
  /** When moving a meeting: its own bookings do not count. */
  ignoreMeetingId?: string;
};

export function createSlotService({ db, clock, audit, settings, cases }: Deps) {
  const todayOf = (now: Date) => utcToLondon(now.getTime()).date;

  return {
    /**
     * Why a time breaks the finder's rules (checkSlot's reasons; empty: it fits), inside the caller's transaction —
     * for booking and moving a meeting. The caller has checked access and read the service's settings.
     */
    async checkTime(tx: Db, orgId: string, c: CaseFacts, service: ServiceSettings, time: TimeToCheck): Promise<string[]> {
      const { date: from } = utcToLondon(time.start.getTime());
      const facts: FinderFacts = {
        kind: time.kind,
        mode: time.mode,
        place: time.mode === 'in_person' ? time.place : null,
        durationMinutes: Math.round((time.end.getTime() - time.start.getTime()) / 60_000),
        from,
        to: from,
        shortNoticeAgreed: time.shortNoticeAgreed,
      };
      const { input } = await finderInput(tx, orgId, c, facts, time.partyIds, time.venueId ?? null, clock.now(), service, rangeFor(from, from));
      return checkSlot({ ...input, ignoreMeetingId: time.ignoreMeetingId }, { start: time.start, end: time.end, venueId: time.venueId, roomId: time.roomId });
    },

    /** What the find-a-time form offers: the case's parties (with consent) and the service's venues. */
    async choices(actor: OrgActor, caseId: string) {
      return inOrg(db, actor.orgId, async (tx) => {
        const c = await cases.caseFor(tx, actor, caseId, 'view');
        authorise(actor, 'meetings.book');
        await audit.record(tx, actor, actor.orgId, { action: 'meetings.find_a_time_viewed', entityType: 'case', entityId: caseId });
        const now = clock.now();
        const range = { start: now, end: now };
        const people = await loadSlotPeople(tx, actor.orgId, c.id, range);
        const venues = await loadSlotVenues(tx, actor.orgId, null);
        return {
          case: { id: c.id, reference: c.reference, isSend: c.caseKind === 'send' },
          today: todayOf(now),
          mediators: people.mediators.map((m) => ({ id: m.id, name: m.name })),
          parties: people.parties.map((p) => ({ id: p.id, name: p.name, role: p.role, consentWithdrawn: p.consentWithdrawn })),
          venues: venues.map((v) => ({ id: v.id, name: v.name })),
        };
      });
    },

    /** The earliest good times for the search, and (with explainDate) why that date has none. */
    async suggest(actor: OrgActor, caseId: string, raw: SlotQueryInput, opts: { explainDate?: string; t?: Translate } = {}): Promise<SlotSearch> {
      const now = clock.now();
      const today = todayOf(now);
      const parsed = parseSlotQuery(raw, today);
      if (!parsed.ok) throw invalid(parsed.fields);
      if (opts.explainDate !== undefined && !isRealDate(opts.explainDate)) throw invalid({ date: 'The date must be a real date, like 2026-12-07' });
      const { query } = parsed;
      const service = await settings.forWork(actor.orgId);
      return inOrg(db, actor.orgId, async (tx) => {
        const c = await cases.caseFor(tx, actor, caseId, 'view');
        authorise(actor, 'meetings.book');
        const searchEnd = opts.explainDate && opts.explainDate > query.to ? opts.explainDate : query.to;
        const searchStart = opts.explainDate && opts.explainDate < query.from ? opts.explainDate : query.from;
        const {
          input: found,
          chosen,
          venues,
        } = await finderInput(tx, actor.orgId, c, query, query.partyIds, query.venueId, now, service, rangeFor(searchStart, searchEnd));
        const input = opts.t ? { ...found, t: opts.t } : found; // the reasons in the reader's words
        const limit = 10;
        const slots = findSlots({ ...input, limit });
        const result: SlotSearch = {
          case: { id: c.id, reference: c.reference, isSend: c.caseKind === 'send' },
          query: { ...query, partyIds: chosen.map((p) => p.id) },
          slots,
          reasons: slotBlockers(input),
          datesWithout: datesWithout(query, slots, today, limit),
          venues: venues.map((v) => ({ id: v.id, name: v.name, rooms: v.rooms.map((r) => ({ id: r.id, name: r.name })) })),
          weekends: input.policy.weekends,
        };
        if (opts.explainDate) result.explained = { date: opts.explainDate, reasons: explainDay(input, opts.explainDate) };
        await audit.record(tx, actor, actor.orgId, {
          action: opts.explainDate ? 'meetings.slot_day_explained' : 'meetings.slots_searched',
          entityType: 'case',
          entityId: c.id,
          detail: { ...query, partyIds: chosen.map((p) => p.id), found: slots.length, date: opts.explainDate },
        });
        return result;
      });
    },
  };
}
export type SlotService = ReturnType<typeof createSlotService>;
