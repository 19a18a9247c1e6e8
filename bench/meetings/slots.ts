// The slot-finder benchmark (`node bench/run.ts slots`, part of `npm run bench`). Pure functions, no database: for
// 2,000 generated cases — 2 mediators on part-time weekly times with 2–4 bookings a week, 3 parties with evening or
// weekday times, a venue with 3 rooms booked about half of their open hours — findSlots looks 6 weeks ahead (across
// the October clock change) for a 90-minute joint meeting at the venue. Target: p95 ≤ 10 ms. The baseline, timed in
// the same run on the same cases, is a naive finder that tests every 15-minute step of every day against every
// booking and rule; both must pick the same first time (and room).
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { percentile } from '../load.ts';
import { writeSection } from '../results-file.ts';
import { findSlots } from '#src/features/meetings/slots/slot-finder.ts';
import { addDays, isoWeekday, londonToUtc, minutesOf, utcToLondon } from '#src/features/meetings/slots/slot-finder.time.ts';
import type { Busy, SlotFinderInput, SlotMediator, SlotParty, SlotRoom } from '#src/features/meetings/slots/slot-finder.types.ts';
import { addWorkingDays, isWorkingDay } from '#src/features/meetings/working-days.ts';

export const SLOTS_TARGET_MS = 10;
const CASES = Number(process.env.BENCH_SLOT_CASES ?? 2000);
const ROUNDS = 3;
const NOW = new Date('2026-10-05T07:30:00Z'); // Monday 5 October 2026; the clocks go back on Sunday 25 October
const FROM = '2026-10-06';
const TO = addDays(FROM, 41);
const MIN = 60_000;

type Timing = { p50: number; p95: number; p99: number; max: number };
const timing = (ms: number[]): Timing => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? 0 };
};

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
}

/** One generated case: busy, realistic calendars. */
export function generate(seed: number): { input: SlotFinderInput; roomBusyShare: number; mediatorBookingsPerWeek: number } {
  const r = rng(seed * 7919 + 17);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const at = (date: string, minutes: number) => new Date(londonToUtc(date, minutes));
  const dates = Array.from({ length: 49 }, (_, i) => addDays(FROM, i - 3));
  const weekdays = dates.filter((d) => isoWeekday(d) <= 5);
  const bookings = (perWeek: () => number, inPersonShare: number): Busy[] => {
    const out: Busy[] = [];
    for (let w = 0; w < 7; w++) {
      for (let i = perWeek(); i > 0; i--) {
        const date = weekdays[Math.min(weekdays.length - 1, w * 5 + Math.floor(r() * 5))]!;
        const start = 9 * 60 + Math.floor(r() * 40) * 15;
        out.push({ start: at(date, start), end: at(date, start + pick([60, 90, 120])), inPerson: r() < inPersonShare });
      }
    }
    return out;
  };
  const someDays = (n: number) => [1, 2, 3, 4, 5].filter(() => r() < n);
  const SHIFTS = [
    { from: '09:00', to: '17:00' },
    { from: '09:00', to: '13:00' },
    { from: '13:00', to: '20:00' },
    { from: '10:00', to: '19:00' },
  ];
  const partTime = () => someDays(0.8).map((day) => ({ day, ...pick(SHIFTS) }));
  const mediator = (i: number): SlotMediator => {
    const away = r() < 0.3 ? [{ from: addDays(FROM, Math.floor(r() * 35)), to: '' }] : [];
    for (const a of away) a.to = addDays(a.from, 2 + Math.floor(r() * 5));
    return { id: `m${i}`, name: `Mediator ${i}`, weeklyWindows: partTime(), away, busy: bookings(() => 2 + Math.floor(r() * 3), 0.6) };
  };
  // A party who works: evenings on most days, and one or two days off; one at home in the daytime; a third not recorded or broad.
  const worker = () => {
    const off = someDays(0.4);
    return [1, 2, 3, 4, 5].map((day) => (off.includes(day) ? { day, from: '09:00', to: '17:00' } : { day, from: '17:00', to: '21:00' }));
  };
  const daytime = () => someDays(0.8).map((day) => ({ day, from: pick(['09:00', '10:00']), to: pick(['15:00', '17:00', '19:00']) }));
  const broad = () => someDays(0.8).map((day) => ({ day, from: '09:00', to: '21:00' }));
  const party = (i: number, windows: SlotParty['weeklyWindows']): SlotParty => ({
    id: `p${i}`,
    name: `Party ${i}`,
    weeklyWindows: windows,
    busy: bookings(() => Math.floor(r() * 2), 0),
    consentWithdrawn: false,
  });
  const open = [1, 2, 3, 4, 5, 6].map((day) => ({ day, from: '09:00', to: day === 6 ? '13:00' : '21:00' }));
  let booked = 0;
  let openMinutes = 0;
  const room = (i: number): SlotRoom => {
    const list: { start: Date; end: Date }[] = [];
    for (const date of dates) {
      const hours = open.find((o) => o.day === isoWeekday(date));
      if (!hours) continue;
      const [s, e] = [minutesOf(hours.from), minutesOf(hours.to)];
      openMinutes += e - s;
      for (let t = s + Math.floor(r() * 4) * 30; t < e; ) {
        const length = Math.min(e - t, pick([60, 90, 120, 180]));
        if (r() < 0.5) {
          list.push({ start: at(date, t), end: at(date, t + length) });
          booked += length;
        }
        t += length;
      }
    }
    return { id: `r${i}`, name: `Room ${i}`, capacity: [4, 6, 8][i - 1]!, separateWaitingRoom: i === 3, bookings: list };
  };
  const rooms = [room(1), room(2), room(3)];
  const mediators = [mediator(1), mediator(2)];
  const input: SlotFinderInput = {
    kind: 'joint',
    mode: 'in_person',
    place: 'venue',
    durationMinutes: 90,
    from: FROM,
    to: TO,
    now: NOW,
    policy: { dayStarts: '09:00', dayEnds: '20:00', weekends: r() < 0.3, travelMinutes: 30, sendNoticeWorkingDays: 5, stepMinutes: 15 },
    isSend: r() < 0.3,
    shortNoticeAgreed: false,
    notices: [],
    mediators,
    parties: [party(1, worker()), party(2, daytime()), party(3, r() < 0.5 ? [] : broad())],
    venues: [{ id: 'v1', name: 'Riverside Hall', openingHours: open, closedDates: [addDays(FROM, 10 + Math.floor(r() * 20))], rooms }],
    participantCount: 5,
  };
  return { input, roomBusyShare: booked / openMinutes, mediatorBookingsPerWeek: mediators.reduce((n, m) => n + m.busy.length, 0) / 2 / 7 };
}

type NaiveSlot = { start: number; end: number; roomId?: string };

/** The slow way: every 15-minute step of every day, tested against every rule and every booking. */
export function naiveSlots(input: SlotFinderInput, limit = 10, perDay = 2): NaiveSlot[] {
  const { policy } = input;
  const dur = input.durationMinutes * MIN;
  const travel = input.mode === 'in_person' ? policy.travelMinutes * MIN : 0;
  const now = input.now.getTime();
  const today = utcToLondon(now).date;
  const earliest = input.isSend && !input.shortNoticeAgreed ? addWorkingDays(today, policy.sendNoticeWorkingDays) : today;
  const participants = input.participantCount ?? input.mediators.length + input.parties.length;
  const rooms = input.venues
    .flatMap((venue) => venue.rooms.map((room) => ({ venue, room })))
    .filter(({ room }) => room.capacity >= participants && (input.kind !== 'shuttle' || room.separateWaitingRoom))
    .sort((a, b) => a.room.capacity - b.room.capacity || a.room.name.localeCompare(b.room.name));
  const within = (windows: readonly { day: number; from: string; to: string }[], date: string, s: number, e: number) =>
    windows.some((w) => w.day === isoWeekday(date) && londonToUtc(date, minutesOf(w.from)) <= s && e <= londonToUtc(date, minutesOf(w.to)));
  const clash = (busy: readonly Busy[], s: number, e: number, withTravel: boolean) =>
    busy.some((b) => {
      const pad = withTravel && b.inPerson ? travel : 0;
      return s < b.end.getTime() + pad && b.start.getTime() - pad < e;
    });
  const fits = (date: string, s: number): NaiveSlot | null => {
    const e = s + dur;
    if (s < now) return null;
    for (const m of input.mediators) {
      if (m.away.some((a) => a.from <= date && date <= a.to)) return null;
      if (m.weeklyWindows.length && !within(m.weeklyWindows, date, s, e)) return null;
      if (clash(m.busy, s, e, true)) return null;
    }
    for (const p of input.parties) {
      if (p.consentWithdrawn || (p.weeklyWindows.length && !within(p.weeklyWindows, date, s, e)) || clash(p.busy, s, e, false)) return null;
    }
    if (input.mode !== 'in_person' || input.place !== 'venue') return { start: s, end: e };
    for (const { venue, room } of rooms) {
      if (venue.closedDates.includes(date) || (venue.openingHours.length && !within(venue.openingHours, date, s, e))) continue;
      if (!room.bookings.some((b) => s < b.end.getTime() && b.start.getTime() < e)) return { start: s, end: e, roomId: room.id };
    }
    return null;
  };
  const found: NaiveSlot[] = [];
  for (let date = input.from < today ? today : input.from; date <= input.to && found.length < limit; date = addDays(date, 1)) {
    const weekend = isoWeekday(date) >= 6;
    if ((weekend && !policy.weekends) || (!weekend && !isWorkingDay(date)) || date < earliest) continue;
    const dayStart = londonToUtc(date, minutesOf(policy.dayStarts));
    const dayEnd = londonToUtc(date, minutesOf(policy.dayEnds));
    const fitting: NaiveSlot[] = [];
    for (let s = dayStart; s + dur <= dayEnd; s += policy.stepMinutes * MIN) {
      const slot = fits(date, s);
      if (slot) fitting.push(slot);
    }
    let last = fitting[0];
    for (let n = 0; last && n < perDay && found.length < limit; n++) {
      found.push(last);
      const from = last.start;
      last = fitting.find((f) => f.start >= from + Math.max(dur, 180 * MIN)) ?? fitting.find((f) => f.start >= from + dur);
    }
  }
  return found;
}

function measure() {
  const cases = Array.from({ length: CASES }, (_, i) => generate(i + 1));
  for (const { input } of cases.slice(0, 50)) findSlots(input); // warm up
  for (const { input } of cases.slice(0, 10)) naiveSlots(input);
  const fast: number[] = [];
  const slow: number[] = [];
  let sameFirst = 0;
  let sameAll = 0;
  let found = 0;
  const mismatches: string[] = [];
  // Each case is timed alone, ROUNDS times in separate passes (so a pause of the shared machine hits one sample, not
  // one case); the percentiles pool every call, and each case's best shows the cost without the machine's noise.
  const timeAll = <T>(run: (input: SlotFinderInput) => T, into: number[], best: number[]) => {
    let results: T[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      results = cases.map(({ input }, i) => {
        const t = performance.now();
        const out = run(input);
        const took = performance.now() - t;
        into.push(took);
        best[i] = Math.min(best[i] ?? Number.POSITIVE_INFINITY, took);
        return out;
      });
    }
    return results;
  };
  const fastBest: number[] = [];
  const slowBest: number[] = [];
  const fastSlots = timeAll((input) => findSlots(input), fast, fastBest);
  const naiveFound = timeAll((input) => naiveSlots(input), slow, slowBest);
  const key = (s: { start: number | string; roomId?: string } | undefined) => (s ? `${new Date(s.start).toISOString()} ${s.roomId ?? ''}` : 'none');
  for (const [i, slots] of fastSlots.entries()) {
    const naive = naiveFound[i]!;
    if (key(slots[0]) === key(naive[0])) sameFirst++;
    else if (mismatches.length < 3) mismatches.push(`case ${i + 1}: findSlots ${key(slots[0])}, naive ${key(naive[0])}`);
    if (slots.map(key).join() === naive.map(key).join()) sameAll++;
    found += slots.length;
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    fast: timing(fast),
    slow: timing(slow),
    fastBest: timing(fastBest),
    slowBest: timing(slowBest),
    sameFirst,
    sameAll,
    mismatches,
    foundMean: found / cases.length,
    roomBusy: mean(cases.map((c) => c.roomBusyShare)),
    mediatorWeek: mean(cases.map((c) => c.mediatorBookingsPerWeek)),
  };
}

export async function runSlots(): Promise<number> {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  console.log(`  findSlots and the naive finder on ${CASES.toLocaleString('en-GB')} generated cases…`);
  const m = measure();
  const loadAtEnd = loadavg();
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(' ');
  const ok = m.fast.p95 <= SLOTS_TARGET_MS && m.sameFirst === CASES;
  console.log(`  findSlots p95 ${ms(m.fast.p95)}, naive p95 ${ms(m.slow.p95)}; same first time on ${m.sameFirst} of ${CASES}`);
  const row = (name: string, t: Timing, ratio: string, target: string, result: string) =>
    `| ${name} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.p99)} | ${ms(t.max)} | ${ratio} | ${target} | ${result} |`;
  writeSection('slots', [
    '## Meetings: the slot finder',
    '',
    `Run ${startedAt.toISOString()} by \`npm run bench\` (or \`node bench/run.ts slots\`) — nproc ${availableParallelism()}, Node ${process.version}, load average ${load(loadAtStart)} at the start and ${load(loadAtEnd)} at the end (other work on the machine skews every figure).`,
    '',
    `${CASES.toLocaleString('en-GB')} generated cases, each timed alone ${ROUNDS} times in separate passes (the first two rows pool all ${(CASES * ROUNDS).toLocaleString('en-GB')} calls; the last two take each case’s best): 2 mediators on part-time weekly times (${m.mediatorWeek.toFixed(1)} bookings a week each on average, 60 % in person, some time away), 3 parties (evenings, weekday daytimes, or not recorded), a venue with 3 rooms booked ${(m.roomBusy * 100).toFixed(0)} % of their open hours and a closed day; a 90-minute joint meeting at the venue, 6 weeks ahead across the October clock change, 30 % SEND (5 working days' notice), 30 % with weekends offered. Target: findSlots p95 ≤ ${SLOTS_TARGET_MS} ms. **${ok ? 'PASS' : 'MISS'}.**`,
    '',
    '| Finder | p50 | p95 | p99 | max | p95 ÷ findSlots p95 | Target | Result |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    row(
      '`findSlots` (up to 10 times, at most 2 a day; per-day interval lists)',
      m.fast,
      '1 ×',
      `≤ ${SLOTS_TARGET_MS} ms`,
      m.fast.p95 <= SLOTS_TARGET_MS ? 'PASS' : '**MISS**',
    ),
    row('Baseline: naive finder (every 15-minute step against every rule and booking)', m.slow, `${(m.slow.p95 / m.fast.p95).toFixed(1)} ×`, '—', 'no target'),
    row('`findSlots`, each case’s best of 3 (the machine’s noise left out)', m.fastBest, `${(m.fastBest.p95 / m.fast.p95).toFixed(2)} ×`, '—', 'for reference'),
    row('Naive finder, each case’s best of 3', m.slowBest, `${(m.slowBest.p95 / m.fast.p95).toFixed(1)} ×`, '—', 'for reference'),
    '',
    `- Same first time and room as the naive finder on ${m.sameFirst} of ${CASES} cases; the same ten times on ${m.sameAll} of ${CASES}. Times found per case: ${m.foundMean.toFixed(1)} on average.`,
    ...m.mismatches.map((x) => `- Differs: ${x}`),
    '',
  ]);
  return ok ? 0 : 1;
}
