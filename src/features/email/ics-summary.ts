// Pure: the few facts of a stored invitation staff need to check it (method, UID, sequence, times, place, who it
// names), read from the iCalendar text without a calendar library.
export type IcsSummary = {
  method: string | null;
  uid: string | null;
  sequence: number | null;
  start: Date | null;
  end: Date | null;
  summary: string | null;
  location: string | null;
  status: string | null;
  attendees: string[];
};

/** Joins folded lines (RFC 5545 §3.1) and splits each into its name, parameters and value. */
function contentLines(ics: string) {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  return unfolded
    .split(/\r?\n/)
    .filter((line) => line.includes(':'))
    .map((line) => {
      const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      const head = line.slice(0, colon);
      const [name = '', ...params] = head.split(';');
      return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
    });
}

const unescapeText = (v: string) => v.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');

/** 20261215T100000Z (UTC) or a floating/dated value read as UTC. */
function icsDate(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}

export function summariseIcs(ics: string): IcsSummary {
  const lines = contentLines(ics);
  const first = (name: string) => lines.find((l) => l.name === name)?.value ?? null;
  const sequence = first('SEQUENCE');
  const start = first('DTSTART');
  const end = first('DTEND');
  return {
    method: first('METHOD'),
    uid: first('UID'),
    sequence: sequence === null ? null : Number(sequence),
    start: start ? icsDate(start) : null,
    end: end ? icsDate(end) : null,
    summary: first('SUMMARY') && unescapeText(first('SUMMARY') ?? ''),
    location: first('LOCATION') && unescapeText(first('LOCATION') ?? ''),
    status: first('STATUS'),
    attendees: lines.filter((l) => l.name === 'ATTENDEE').map((l) => l.value.replace(/^mailto:/i, '')),
  };
}
