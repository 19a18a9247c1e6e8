// The expense rules and reading money as typed: pounds to pence, miles, receipts judged by their content,
// safe file names, and which decisions can be made from which status (never on one's own claim).
import { describe, expect, it } from 'vitest';
import { checkReceipt, decideClaim, mileageAmount, receiptRequired, safeReceiptName, sniffReceiptType } from './expense-rules.ts';
import { formatPence, readMiles, readPounds } from './expenses.schemas.ts';

describe('readPounds', () => {
  it.each([
    ['12.50', 1250],
    ['£12.50', 1250],
    ['£ 12.5', 1250],
    ['12', 1200],
    ['0.99', 99],
    ['£1,250.00', 125000],
    [' 7.05 ', 705],
  ])('reads %s as %i pence', (typed, pence) => expect(readPounds(typed)).toEqual({ pence }));

  it.each([
    ['', 'Enter the amount in pounds, like 12.50'],
    ['twelve', 'Amount must be an amount in pounds, like 12.50'],
    ['12.505', 'no more than 2 numbers after the point'],
    ['-5', 'Amount must be more than £0'],
    ['0.00', 'Amount must be more than £0'],
    ['2000.01', 'Amount must be £2,000 or less'],
    ['1e3', 'Amount must be an amount in pounds'],
    ['12,50', 'Amount must be an amount in pounds'],
  ])('refuses %j', (typed, message) => expect(readPounds(typed).error).toContain(message));
});

describe('readMiles and mileage', () => {
  it('reads whole miles, with or without the word', () => {
    expect(readMiles('12')).toEqual({ miles: 12 });
    expect(readMiles('12 miles')).toEqual({ miles: 12 });
    expect(readMiles('1 mile')).toEqual({ miles: 1 });
  });
  it.each([
    ['', 'Enter how many miles'],
    ['12.5', 'whole number'],
    ['0', 'more than 0'],
    ['2001', '2000 or fewer'],
  ])('refuses %j', (typed, message) => expect(readMiles(typed).error).toContain(message));
  it('pays miles at the rate', () => {
    expect(mileageAmount(12, 45)).toBe(540);
    expect(formatPence(540)).toBe('£5.40');
    expect(formatPence(125000)).toBe('£1,250.00');
  });
});

describe('receipts', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1]);
  const pdf = Buffer.from('%PDF-1.7 ...');

  it('are needed for travel and other claims over £10, never for mileage', () => {
    expect(receiptRequired('travel', 1000)).toBe(false);
    expect(receiptRequired('travel', 1001)).toBe(true);
    expect(receiptRequired('other', 5000)).toBe(true);
    expect(receiptRequired('mileage', 99_999)).toBe(false);
  });

  it('are judged by their first bytes, not their name or declared type', () => {
    expect(sniffReceiptType(png)).toBe('image/png');
    expect(sniffReceiptType(jpeg)).toBe('image/jpeg');
    expect(sniffReceiptType(pdf)).toBe('application/pdf');
    expect(sniffReceiptType(Buffer.from('<svg onload=alert(1)>'))).toBeUndefined();
    expect(sniffReceiptType(Buffer.from('GIF89a'))).toBeUndefined();
  });

  it('are refused when empty, too large or of another kind', () => {
    expect(checkReceipt({ filename: 'a.png', bytes: Buffer.alloc(0) })).toEqual({ ok: false, message: 'The receipt file is empty' });
    expect(checkReceipt({ filename: 'a.png', bytes: png, truncated: true })).toEqual({ ok: false, message: 'The receipt must be smaller than 5 MB' });
    expect(checkReceipt({ filename: 'a.html', bytes: Buffer.from('<html>') })).toEqual({ ok: false, message: 'The receipt must be a PDF, JPG or PNG' });
    expect(checkReceipt({ filename: 'bus.png', bytes: png })).toEqual({ ok: true, contentType: 'image/png', filename: 'bus.png' });
  });

  it('get a safe name with the extension of what they really are', () => {
    expect(safeReceiptName('C:\\Users\\vera\\ticket.PNG', 'image/png')).toBe('ticket.png');
    expect(safeReceiptName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeReceiptName('a"; evil=1.pdf', 'application/pdf')).toBe('a evil=1.pdf');
    expect(safeReceiptName('photo.jpeg', 'image/png')).toBe('photo.png');
    expect(safeReceiptName('', 'image/jpeg')).toBe('receipt.jpg');
    expect(safeReceiptName('reçu café.pdf', 'application/pdf')).toBe('reçu café.pdf');
  });
});

describe('decideClaim', () => {
  const waiting = { status: 'submitted' as const, claimantUserId: 'vera' };
  it('approves or rejects a waiting claim, and pays only an approved one', () => {
    expect(decideClaim(waiting, 'cora', 'approved')).toEqual({ allowed: true, reasons: [] });
    expect(decideClaim(waiting, 'cora', 'rejected').allowed).toBe(true);
    expect(decideClaim(waiting, 'cora', 'paid')).toEqual({
      allowed: false,
      reasons: ['Only approved claims can be marked as paid; this claim is waiting for a decision'],
    });
    expect(decideClaim({ status: 'approved', claimantUserId: 'vera' }, 'cora', 'paid').allowed).toBe(true);
    expect(decideClaim({ status: 'paid', claimantUserId: 'vera' }, 'cora', 'approved').reasons).toEqual([
      'Only claims waiting for a decision can be approved or rejected; this claim is paid',
    ]);
    expect(decideClaim({ status: 'rejected', claimantUserId: 'vera' }, 'cora', 'paid').allowed).toBe(false);
  });
  it('never lets someone decide their own claim', () => {
    expect(decideClaim({ status: 'submitted', claimantUserId: 'cora' }, 'cora', 'approved')).toEqual({
      allowed: false,
      reasons: ['You cannot decide your own expense claim; ask another coordinator'],
    });
    expect(decideClaim({ status: 'approved', claimantUserId: 'cora' }, 'cora', 'paid').allowed).toBe(false);
    expect(decideClaim({ status: 'submitted', claimantUserId: null }, 'cora', 'approved').allowed).toBe(true);
  });
});
