// What every benchmark run shares: steps that record a failure and go on, and the closing lines of its section.

/** A step runner: a failed step is written to `errors` (and the console) and the run goes on to the next one. */
export function stepRunner(errors: string[]) {
  return async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      errors.push(`${what}: ${message}`);
      console.error(`${what} failed: ${message}`);
      return undefined;
    }
  };
}

/** The end of a section: whether PostgreSQL was skipped, then the run's notes and errors. */
export function closingLines(notes: string[], errors: string[]): string[] {
  const lines: string[] = [];
  if (!process.env.DATABASE_URL) lines.push('PostgreSQL figures skipped: DATABASE_URL is not set.', '');
  if (notes.length) lines.push('### Notes', '', ...notes.map((n) => `- ${n}`), '');
  if (errors.length) lines.push('### Errors', '', ...errors.map((e) => `- ${e.replaceAll('\n', ' ')}`), '');
  return lines;
}
