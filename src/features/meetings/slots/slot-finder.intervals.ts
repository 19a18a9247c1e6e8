// Pure: sorted lists of half-open time intervals [start, end) in epoch milliseconds, disjoint and in order. The
// slot finder works a day at a time with these: intersect everyone's free time, subtract what is booked.
export type Interval = readonly [start: number, end: number];

/** Sorts and merges intervals that overlap or touch; drops empty ones. */
export function normalise(list: readonly Interval[]): Interval[] {
  const sorted = list.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** The times in both lists. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const s = Math.max(x[0], y[0]);
    const e = Math.min(x[1], y[1]);
    if (s < e) out.push([s, e]);
    if (x[1] < y[1]) i++;
    else j++;
  }
  return out;
}

/** The first index in `list` whose end is after `t` (binary search). */
function firstEndingAfter(list: readonly Interval[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]![1] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The times in `free` not covered by `busy` (both sorted; busy may be long — only the part that matters is read). */
export function subtract(free: readonly Interval[], busy: readonly Interval[]): Interval[] {
  if (!free.length || !busy.length) return free as Interval[];
  const out: Interval[] = [];
  let j = firstEndingAfter(busy, free[0]![0]);
  for (const [fs, fe] of free) {
    let s = fs;
    while (j < busy.length && busy[j]![1] <= s) j++;
    let k = j;
    while (k < busy.length && busy[k]![0] < fe) {
      const [bs, be] = busy[k]!;
      if (bs > s) out.push([s, bs]);
      s = Math.max(s, be);
      if (s >= fe) break;
      k++;
    }
    if (s < fe) out.push([s, fe]);
  }
  return out;
}

/** True when some interval is at least `length` long. */
export function hasRoomFor(list: readonly Interval[], length: number): boolean {
  for (const [s, e] of list) if (e - s >= length) return true;
  return false;
}

/** True when one interval of the list covers [s, e). */
export function covers(list: readonly Interval[], s: number, e: number): boolean {
  for (const [a, b] of list) if (a <= s && e <= b) return true;
  return false;
}

/** True when [s, e) overlaps some interval of the list. */
export function overlaps(list: readonly Interval[], s: number, e: number): boolean {
  const i = firstEndingAfter(list, s);
  return i < list.length && list[i]![0] < e;
}

/** The earliest start at or after `from`, on a multiple of `step`, that leaves `length` inside one interval. */
export function earliestStart(list: readonly Interval[], from: number, length: number, step: number): number | null {
  for (let i = firstEndingAfter(list, from); i < list.length; i++) {
    const [s, e] = list[i]!;
    const t = Math.ceil(Math.max(s, from) / step) * step;
    if (t + length <= e) return t;
  }
  return null;
}
