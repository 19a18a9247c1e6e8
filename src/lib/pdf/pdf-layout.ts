// A small flowing layout on pdf-lib pages: headings, wrapped paragraphs and labelled lines, a new A4 page when one fills.
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { pdfLib } from './pdf-libraries.ts';

const rgb = (red: number, green: number, blue: number) => pdfLib().rgb(red, green, blue);

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - MARGIN * 2;

export type Fonts = { regular: PDFFont; bold: PDFFont };

/**
 * Breaks text into lines that fit the width at the size (words longer than a line are cut). Each word is measured once
 * and a line's width is the sum of its words and spaces, so a paragraph costs one measurement per word.
 */
export function wrap(font: PDFFont, text: string, size: number, width = WIDTH): string[] {
  const out: string[] = [];
  const space = font.widthOfTextAtSize(' ', size);
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (let word of paragraph.split(/\s+/).filter(Boolean)) {
      let wordWidth = font.widthOfTextAtSize(word, size);
      if (line && lineWidth + space + wordWidth <= width) {
        line = `${line} ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) out.push(line);
      while (wordWidth > width) {
        let cut = word.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(word.slice(0, cut), size) > width) cut--;
        out.push(word.slice(0, cut));
        word = word.slice(cut);
        wordWidth = font.widthOfTextAtSize(word, size);
      }
      line = word;
      lineWidth = wordWidth;
    }
    out.push(line);
  }
  return out;
}

export class Flow {
  page!: PDFPage;
  y = 0;
  pages = 0;
  readonly doc: PDFDocument;
  readonly fonts: Fonts;
  readonly footer: (page: number) => string;
  constructor(doc: PDFDocument, fonts: Fonts, footer: (page: number) => string) {
    this.doc = doc;
    this.fonts = fonts;
    this.footer = footer;
    this.newPage();
  }

  newPage() {
    this.page = this.doc.addPage(A4);
    this.pages++;
    this.y = A4[1] - MARGIN;
    this.page.drawText(this.footer(this.pages), { x: MARGIN, y: 28, size: 8, font: this.fonts.regular, color: rgb(0.3, 0.3, 0.3) });
  }

  /** Room for `height` points on this page, or a new page. */
  room(height: number) {
    if (this.y - height < MARGIN) this.newPage();
  }

  heading(text: string, size = 14) {
    this.room(size * 2.4);
    this.y -= size * 0.6;
    for (const line of wrap(this.fonts.bold, text, size)) {
      this.y -= size * 1.25;
      this.page.drawText(line, { x: MARGIN, y: this.y, size, font: this.fonts.bold });
    }
    this.y -= size * 0.4;
  }

  paragraph(text: string, opts: { size?: number; bold?: boolean; indent?: number } = {}) {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.fonts.bold : this.fonts.regular;
    const indent = opts.indent ?? 0;
    for (const line of wrap(font, text, size, WIDTH - indent)) {
      this.room(size * 1.4);
      this.y -= size * 1.4;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font });
    }
    this.y -= size * 0.5;
  }

  /** "Label: value", the label in bold, the value wrapped beside it. */
  labelled(label: string, value: string, indent = 0) {
    const size = 10;
    const labelWidth = 150;
    const lines = wrap(this.fonts.regular, value || '–', size, WIDTH - indent - labelWidth);
    this.room(size * 1.4 * Math.min(lines.length, 3));
    lines.forEach((line, i) => {
      this.room(size * 1.4);
      this.y -= size * 1.4;
      if (i === 0) this.page.drawText(label, { x: MARGIN + indent, y: this.y, size, font: this.fonts.bold });
      this.page.drawText(line, { x: MARGIN + indent + labelWidth, y: this.y, size, font: this.fonts.regular });
    });
  }

  /** A drawn signature (SVG path data in a 600 × 200 box), scaled into a 180 × 60 box. */
  drawing(path: string) {
    this.room(70);
    const top = this.y - 4;
    this.page.drawRectangle({ x: MARGIN, y: top - 60, width: 180, height: 60, borderColor: rgb(0.7, 0.7, 0.7), borderWidth: 0.5 });
    this.page.drawSvgPath(path, { x: MARGIN, y: top, scale: 0.3, borderColor: rgb(0, 0, 0.4), borderWidth: 1.5 });
    this.y = top - 64;
  }

  gap(points = 8) {
    this.y -= points;
  }
}
