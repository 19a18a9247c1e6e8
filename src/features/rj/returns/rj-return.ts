// Pure: the restorative justice return for Police and Crime Commissioners and the MoJ (rules.md #62). Each metric has
// a written definition and a version, so a figure can always be read against what it counted; each is made by one
// query (rj-return.service.ts) so the reports feature can chart them. The CSV is one row per figure.
import { msg } from '#src/i18n/i18n.ts';

export type Figure = { label: string; value: number | null };
export type Metric = { id: string; version: number; name: string; definition: string; figures: Figure[] };

export const METRICS: Record<string, Omit<Metric, 'figures' | 'id'>> = {
  referrals_by_source: {
    version: 1,
    name: msg('Referrals received, by source'),
    definition: msg(
      'A referral is a restorative justice referral received in the period (created on or after the first day and before the day after the last), whatever became of it. Source: the public self-referral form, a professional’s form, a service’s API, or staff.',
    ),
  },
  referral_outcomes: {
    version: 1,
    name: msg('Offered, accepted and declined, with reasons'),
    definition: msg(
      'Referrals received in the period by where they stand now: waiting (new), accepted (a case was opened: the service offered RJ), declined or signposted with the reason given.',
    ),
  },
  suitability: {
    version: 1,
    name: msg('Suitability outcomes'),
    definition: msg(
      'Each participant’s newest suitability assessment dated in the period: suitable when they acknowledge the basic facts, are willing and (the person who harmed) accept responsibility (RJC Code B); otherwise not suitable.',
    ),
  },
  completed: {
    version: 1,
    name: msg('Processes completed, direct and indirect'),
    definition: msg(
      'Direct: restorative conferences and joint meetings held in the period on RJ cases. Indirect: letters and messages passed on in the period after both facilitators approved them.',
    ),
  },
  agreements: {
    version: 1,
    name: msg('Outcome agreements made and kept'),
    definition: msg(
      'Made: RJ cases whose outcome agreement was first signed by everyone in the period (a re-signed version does not count again). Kept, partly kept and not kept: RJ cases with a follow-up check-in answered in the period, by the newest answer to whether the agreement as a whole is being kept; “not yet due” is left out.',
    ),
  },
  satisfaction: {
    version: 1,
    name: msg('Satisfaction, and coping and recovery'),
    definition: msg(
      'Feedback from RJ participants submitted in the period: responses, mean satisfaction (1 to 5), and the mean self-rating of coping and recovery before and after (1 to 5) over those who gave both. Means of fewer than 3 responses are not shown.',
    ),
  },
};

/** The metric with its figures, in the order of METRICS. */
export const metric = (id: keyof typeof METRICS & string, figures: Figure[]): Metric => ({ id, ...METRICS[id]!, figures });

const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // Quote every cell; a leading =, +, - or @ is neutralised so a spreadsheet never runs it.
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`;
};

/**
 * The return as CSV: period, place (the area and local authority it was narrowed to, blank for the whole service),
 * metric, version, figure, value; one row a figure, so each row says what it counted wherever it is pasted.
 */
export function returnCsv(
  scope: { from: string; to: string; area?: string; localAuthority?: string },
  metrics: readonly Metric[],
  t: (s: string) => string = (s) => s,
): string {
  const rows = [['from', 'to', 'area', 'local_authority', 'metric', 'version', 'figure', 'value'].map(cell).join(',')];
  const where = [scope.from, scope.to, scope.area ?? '', scope.localAuthority ?? ''];
  // i18n-dynamic: metric names are msg() literals (METRICS)
  for (const m of metrics) for (const f of m.figures) rows.push([...where, t(m.name), m.version, f.label, f.value].map(cell).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

/** The quarter (April–June, …) that holds the date, as the first day and the last. */
export function quarterOf(date: string): { from: string; to: string } {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const first = m - ((m - 1) % 3);
  const last = first + 2;
  const lastDay = new Date(Date.UTC(y, last, 0)).getUTCDate();
  return { from: `${y}-${String(first).padStart(2, '0')}-01`, to: `${y}-${String(last).padStart(2, '0')}-${lastDay}` };
}
