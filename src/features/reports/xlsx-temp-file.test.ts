import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withXlsxFile } from './xlsx-temp-file.ts';

describe('a workbook written to a temporary file', () => {
  it('is there, whole, while it is used, with progress every thousand rows, and gone afterwards', async () => {
    const rows = function* () {
      for (let i = 0; i < 2500; i++) yield { row: [`Row ${i + 1}`, i] };
    };
    const progress: number[] = [];
    let path = '';
    const bytes = await withXlsxFile(
      'Sheet',
      rows(),
      (n) => void progress.push(n),
      async (file) => {
        path = file.path;
        expect(existsSync(path)).toBe(true);
        return file.read();
      },
    );
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(2500);
    expect(book.worksheets[0]!.getRow(2500).values).toEqual([undefined, 'Row 2500', 2499]);
    expect(progress).toEqual([1000, 2000]);
    expect(existsSync(dirname(path))).toBe(false);
  });

  it('is removed when the rows fail part way', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'parley-xlsx-test-'));
    try {
      let used = false;
      const failing = async function* () {
        yield { row: ['first'] };
        throw new Error('the database went away');
      };
      const made = withXlsxFile(
        'Sheet',
        failing(),
        undefined,
        async () => {
          used = true;
        },
        parent,
      );
      await expect(made).rejects.toThrow('the database went away');
      expect(used).toBe(false);
      expect(readdirSync(parent)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
