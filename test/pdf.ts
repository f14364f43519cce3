import { createCanvas } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// Reading back the PDFs we hand out with Mozilla's PDF.js (a parser we did not write), and the QR
// code on them with jsQR after PDF.js has drawn the page.

async function open(bytes: Uint8Array) {
  // PDF.js takes ownership of the buffer it is given: pass a copy.
  return getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
}

/** The text of every page, as PDF.js extracts it (what a reader selects and copies), one line per item run. */
export async function pdfText(bytes: Uint8Array) {
  const doc = await open(bytes);
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n');
}

/** The document's info dictionary (title, language …). */
export async function pdfInfo(bytes: Uint8Array) {
  const doc = await open(bytes);
  const meta = await doc.getMetadata();
  await doc.destroy();
  return meta.info as Record<string, unknown>;
}

/** Draws the first page at `scale` and decodes the QR code on it; null when none is found. */
export async function pdfQrCode(bytes: Uint8Array, scale = 2) {
  const doc = await open(bytes);
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  await doc.destroy();
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}
