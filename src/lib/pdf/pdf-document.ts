// A new PDF document with DejaVu Sans (regular and bold) embedded and subset, so Welsh ŵ ŷ â print: shared by the
// agreement's PDF, the SEND mediation certificate and the letters to post (features/email), with pdf-layout.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type FontkitType from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import type { Fonts } from './pdf-layout.ts';
import { loadPdfLibraries } from './pdf-libraries.ts';

const require = createRequire(import.meta.url);
const fontDir = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf').replace(/DejaVuSans\.ttf$/, '');
let fontBytes: { regular: Uint8Array; bold: Uint8Array } | undefined;
const fonts = () => (fontBytes ??= { regular: readFileSync(`${fontDir}DejaVuSans.ttf`), bold: readFileSync(`${fontDir}DejaVuSans-Bold.ttf`) });

// Each face is parsed by fontkit once and the parsed font is given to every document (pdf-lib asks its registered
// fontkit to create() the font from the bytes; a fresh subset is still made per document). Parsing DejaVu Sans is most
// of a PDF's time otherwise.
const parsed = new Map<Uint8Array, ReturnType<typeof FontkitType.create>>();
let cachedFontkit: typeof FontkitType | undefined;
const withParsedFonts = (fontkit: typeof FontkitType): typeof FontkitType => ({
  ...fontkit,
  create: (data: Uint8Array, postscriptName?: string) => {
    const known = parsed.get(data);
    if (known) return known;
    const font = fontkit.create(data, postscriptName);
    parsed.set(data, font);
    return font;
  },
});

/**
 * Subset, and without OpenType shaping: Latin and Welsh text needs none of DejaVu's substitutions or kerning for a
 * plain document, and shaping every string was most of a PDF's time. Precomposed ŵ ŷ â come straight from the cmap.
 */
const NO_SHAPING = Object.fromEntries(['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'dlig'].map((f) => [f, false]));
const EMBED = { subset: true, features: NO_SHAPING };

/** An empty document with the two faces embedded. */
export async function newPdfDocument(): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  const { pdf, fontkit } = await loadPdfLibraries();
  cachedFontkit ??= withParsedFonts(fontkit);
  const doc = await pdf.PDFDocument.create();
  doc.registerFontkit(cachedFontkit);
  const bytes = fonts();
  return { doc, fonts: { regular: await doc.embedFont(bytes.regular, EMBED), bold: await doc.embedFont(bytes.bold, EMBED) } };
}
