// pdf-lib and fontkit, loaded on the first PDF rather than at start: importing them is about a fifth of a second of
// start-up that most processes never use. newPdfDocument() awaits loadPdfLibraries(); everything that draws on a
// document afterwards reads the loaded library through pdfLib().
import type FontkitModule from '@pdf-lib/fontkit';

type PdfLib = typeof import('pdf-lib');
type Fontkit = typeof FontkitModule;

let loaded: { pdf: PdfLib; fontkit: Fontkit } | undefined;
let loading: Promise<{ pdf: PdfLib; fontkit: Fontkit }> | undefined;

export function loadPdfLibraries(): Promise<{ pdf: PdfLib; fontkit: Fontkit }> {
  loading ??= Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]).then(([pdf, fontkit]) => {
    // fontkit is CommonJS: Node gives its exports as the default of the dynamic import, which its types do not say.
    loaded = { pdf, fontkit: (fontkit as unknown as { default: Fontkit }).default };
    return loaded;
  });
  return loading;
}

/** pdf-lib itself, for code that runs on a document newPdfDocument() made (so the library is loaded). */
export function pdfLib(): PdfLib {
  if (!loaded) throw new Error('pdf-lib was used before a PDF document was made');
  return loaded.pdf;
}
