// A letter to post, as a PDF (the shared pdf-lib layer in lib/pdf, DejaVu Sans, so Welsh prints): the service's
// name and contact details, the date, the recipient's name and address where the case had one, the subject as a
// heading and the letter's text as written in the outbox. It holds nothing about anyone else on the case.
import { longDate, londonDate } from '#src/domain/dates-in-words.ts';
import { DEFAULT_LOCALE, type Locale, translator } from '#src/i18n/i18n.ts';
import { newPdfDocument } from '#src/lib/pdf/pdf-document.ts';
import { Flow } from '#src/lib/pdf/pdf-layout.ts';

export type LetterPdfInput = {
  service: { name: string; address: string | null; phone: string | null; email: string | null };
  toName: string;
  /** The address's lines, postcode last; none when the case has no address (staff write it on the envelope). */
  addressLines: string[];
  subject: string;
  text: string;
  date: Date;
  locale?: Locale;
};

export async function renderLetterPdf(l: LetterPdfInput): Promise<Uint8Array> {
  const locale = l.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const { doc, fonts } = await newPdfDocument();
  doc.setTitle(l.subject, { showInWindowTitleBar: true });
  doc.setAuthor(l.service.name);
  doc.setProducer('Parley');
  doc.setCreator('Parley');
  doc.setLanguage(locale === 'cy' ? 'cy-GB' : 'en-GB');
  doc.setCreationDate(l.date);
  doc.setModificationDate(l.date);
  const flow = new Flow(doc, fonts, (n) => t('{service} · page {page}', { service: l.service.name, page: n }));

  flow.paragraph(l.service.name, { bold: true, size: 12 });
  for (const line of [l.service.address, l.service.phone, l.service.email]) if (line?.trim()) flow.paragraph(line.trim());
  flow.gap(16);
  flow.paragraph(l.toName);
  for (const line of l.addressLines) flow.paragraph(line);
  flow.gap(16);
  flow.paragraph(longDate(londonDate(l.date), locale));
  flow.heading(l.subject, 13);
  for (const block of l.text.trim().split(/\n\s*\n/)) flow.paragraph(block);
  return doc.save();
}
