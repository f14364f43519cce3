import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Fontkit } from 'pdf-lib/cjs/types/fontkit';
import QRCode from 'qrcode';
import type { Locale } from '~/i18n';

/** What one certificate shows. Everything comes from the database row, so the same row gives the same PDF. */
export type CertificateContent = {
  locale: Locale;
  holderName: string;
  courseTitle: string;
  organisationName: string;
  /** The course's dates, already written out in the holder's language ("3 en 10 november 2026"). */
  dates: string;
  verifyUrl: string;
  code: string;
  /** Used as the document's creation date, so that rendering twice gives the same bytes. */
  issuedAt: Date;
  /** A course (the default) or an academy's programme (ADR 018): `courseTitle` is then the academy's name. */
  kind?: 'course' | 'programme';
};

const copy = {
  nl: {
    title: 'Bewijs van deelname',
    declares: (organisation: string) => `${organisation} verklaart dat`,
    tookPart: 'heeft deelgenomen aan de cursus',
    completedProgramme: 'heeft het programma afgerond van',
    on: 'Datum:',
    verify: 'Is dit bewijs echt? Kijk op',
    code: 'Code:',
    subject: (course: string) => `Bewijs van deelname aan ${course}`,
  },
  en: {
    title: 'Certificate of participation',
    declares: (organisation: string) => `${organisation} declares that`,
    tookPart: 'has taken part in the course',
    completedProgramme: 'has completed the programme',
    on: 'Date:',
    verify: 'Is this certificate genuine? Check',
    code: 'Code:',
    subject: (course: string) => `Certificate of participation in ${course}`,
  },
} satisfies Record<Locale, unknown>;

// Noto Sans (SIL Open Font License) covers every Dutch letter with its diacritics (ë, ï, é, è, ç, ĳ …)
// and many more; it ships as TTF in @expo-google-fonts/noto-sans. Read once, embedded as a subset.
const require = createRequire(import.meta.url);
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;
function fontBytes() {
  fonts ??= Promise.all([
    readFile(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')),
    readFile(require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

// Parsing Noto Sans and its layout tables costs fontkit about half a second a document; one parse
// serves every PDF (each document makes its own subset). But fontkit caches glyph objects with the
// characters they were first looked up for, and building a subset looks up composite glyphs' parts
// without any: a "C" first met as part of "Ç" would then lose its Unicode mapping in the next
// document, and its text could no longer be copied. So each document starts with an empty glyph
// cache (the tables stay parsed), and documents are built one at a time (they would share it).
const parsed = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();
const cachingFontkit: Fontkit = {
  create(bytes) {
    let font = parsed.get(bytes);
    if (!font) parsed.set(bytes, (font = fontkit.create(bytes)));
    (font as unknown as { _glyphs: Record<number, unknown> })._glyphs = {};
    return font;
  },
};
let queue: Promise<unknown> = Promise.resolve();

// A4 landscape, in points.
const WIDTH = 841.89;
const HEIGHT = 595.28;
const MARGIN = 64;
const INK = rgb(0.1, 0.1, 0.12);
const ACCENT = rgb(0.0, 0.29, 0.56);
const MUTED = rgb(0.3, 0.3, 0.34);

/** The certificate as a PDF: selectable text in an embedded font, the verification link and its QR code. */
export function certificatePdf(content: CertificateContent): Promise<Uint8Array> {
  const made = queue.then(() => buildPdf(content));
  queue = made.catch(() => undefined);
  return made;
}

async function buildPdf(content: CertificateContent): Promise<Uint8Array> {
  const t = copy[content.locale];
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit);
  const bytes = await fontBytes();
  const regular = await doc.embedFont(bytes.regular, { subset: true });
  const bold = await doc.embedFont(bytes.bold, { subset: true });

  doc.setTitle(t.subject(content.courseTitle), { showInWindowTitleBar: true });
  doc.setSubject(t.title);
  doc.setAuthor(content.organisationName);
  doc.setCreator('Politiek Actief');
  doc.setProducer('Politiek Actief');
  // pdf-lib writes no structure tree (no tags); the language and title at least reach screen readers.
  doc.setLanguage(content.locale === 'nl' ? 'nl-NL' : 'en-GB');
  doc.setCreationDate(content.issuedAt);
  doc.setModificationDate(content.issuedAt);

  const page = doc.addPage([WIDTH, HEIGHT]);
  page.drawRectangle({ x: 24, y: 24, width: WIDTH - 48, height: HEIGHT - 48, borderColor: ACCENT, borderWidth: 2 });

  let y = HEIGHT - MARGIN - 16;
  y = centred(page, regular, 14, content.organisationName, y, MUTED);
  y -= 30;
  y = centred(page, bold, 32, t.title, y, ACCENT);
  y -= 34;
  y = centred(page, regular, 14, t.declares(content.organisationName), y, INK);
  y -= 36;
  y = centred(page, bold, 28, content.holderName, y, INK);
  y -= 28;
  y = centred(page, regular, 14, content.kind === 'programme' ? t.completedProgramme : t.tookPart, y, INK);
  y -= 30;
  y = centred(page, bold, 20, content.courseTitle, y, INK);
  y -= 24;
  centred(page, regular, 13, `${t.on} ${content.dates}`, y, INK);

  // The verification link and code at the bottom left, the QR code of the same link at the right.
  const qrSize = 110;
  const qrX = WIDTH - MARGIN - qrSize;
  const qrY = MARGIN - 8;
  drawQr(page, content.verifyUrl, qrX, qrY, qrSize);
  const textWidth = qrX - MARGIN - 24;
  let by = qrY + 64;
  by = leftWrapped(page, regular, 11, t.verify, MARGIN, by, textWidth, MUTED);
  by = leftWrapped(page, regular, 11, content.verifyUrl, MARGIN, by, textWidth, ACCENT);
  leftWrapped(page, regular, 11, `${t.code} ${content.code}`, MARGIN, by, textWidth, MUTED);

  return doc.save({ useObjectStreams: false });
}

/** Draws text centred on the page, wrapping it over lines that fit; returns the baseline of the last line. */
function centred(page: PDFPage, font: PDFFont, size: number, text: string, y: number, color: ReturnType<typeof rgb>) {
  const lines = wrap(font, size, text, WIDTH - 2 * MARGIN);
  lines.forEach((line, i) => {
    const width = font.widthOfTextAtSize(line, size);
    page.drawText(line, { x: (WIDTH - width) / 2, y: y - i * size * 1.3, size, font, color });
  });
  return y - (lines.length - 1) * size * 1.3;
}

function leftWrapped(
  page: PDFPage,
  font: PDFFont,
  size: number,
  text: string,
  x: number,
  y: number,
  width: number,
  color: ReturnType<typeof rgb>,
) {
  const lines = wrap(font, size, text, width);
  lines.forEach((line, i) => page.drawText(line, { x, y: y - i * size * 1.35, size, font, color }));
  return y - lines.length * size * 1.35;
}

/** Splits text over lines of at most `width` points, at spaces; a word longer than a line is cut. */
function wrap(font: PDFFont, size: number, text: string, width: number) {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** The QR code as vector squares (sharp at any zoom or print size), with its quiet zone left white. */
function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 4;
  const cell = size / (count + 2 * quiet);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < count; row++) {
    // One rectangle per run of dark modules in a row keeps the page small.
    let col = 0;
    while (col < count) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && qr.modules.get(row, col)) col++;
      page.drawRectangle({
        x: x + (quiet + start) * cell,
        y: y + size - (quiet + row + 1) * cell,
        width: (col - start) * cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
}
