// Parley uses its database drivers through their documented APIs: only the embedded database's fast path, which checks
// itself at start-up, may reach further (scripts/check-driver-internals.ts, also run by .ci/run).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInternals } from '../../scripts/check-driver-internals.ts';

describe('driver internals', () => {
  it('are used nowhere in src/ but the fast path', () => {
    expect(findInternals()).toEqual([]);
  });

  it('are found wherever else they appear', () => {
    const root = mkdtempSync(join(tmpdir(), 'parley-internals-'));
    try {
      mkdirSync(join(root, 'src', 'db'), { recursive: true });
      writeFileSync(join(root, 'src', 'db', 'pglite-fast-path.ts'), 'await pglite._runExclusiveQuery(run);\n');
      writeFileSync(
        join(root, 'src', 'db', 'elsewhere.ts'),
        [
          'await pglite._checkReady();',
          'pglite.execProtocolRawStream(message);',
          'client.connection.parsedStatements[name];',
          'client.query = wrapped;',
          "const ok = req.body['_csrf'];",
        ].join('\n'),
      );
      expect(findInternals(root).map((line) => line.split(': ')[0])).toEqual([
        'src/db/elsewhere.ts:1',
        'src/db/elsewhere.ts:2',
        'src/db/elsewhere.ts:3',
        'src/db/elsewhere.ts:3',
        'src/db/elsewhere.ts:4',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
