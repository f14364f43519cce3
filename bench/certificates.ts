// npm run bench:certificates — how long one certificate PDF takes to build (pdf-lib, Noto Sans subset,
// vector QR code), cold (first, parses the fonts) and warm, and how large it is. Closing a course
// builds one per attendee inside its transaction, so this bounds how long closing holds the course.
//
// Options (argv `--name=value` or env BENCH_NAME): count (100).
import { certificatePdf } from '../app/modules/courses/certificate-pdf.server';
import { option, percentile } from './lib';

const count = Number(option('count', '100'));
const names = ['Zoë Çelik-Brouwer', 'Anniek ter Weële', 'Ömer Yılmaz', 'Geneviève van ’t Hof', 'Bram de Jong'];

const times: number[] = [];
let bytes = 0;
for (let i = 0; i <= count; i++) {
  const t0 = performance.now();
  const pdf = await certificatePdf({
    locale: i % 4 === 0 ? 'en' : 'nl',
    holderName: names[i % names.length]!,
    courseTitle: `Politiek Actief Zwolle ${i}: de gemeenteraad van binnen`,
    organisationName: 'Nederlandse Vereniging voor Raadsleden',
    dates: '16 november 2026 – 30 november 2026',
    verifyUrl: `https://politiekactief.example/certificaat/${'abcdefghijklmnopqrstuvwxyz234567'}`,
    code: 'abcdefghijklmnopqrstuvwxyz234567',
    issuedAt: new Date('2026-12-01T10:00:00Z'),
  });
  const ms = performance.now() - t0;
  if (i === 0) console.log(`cold (first, parses the fonts): ${ms.toFixed(0)} ms`);
  else times.push(ms);
  bytes = pdf.byteLength;
}
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(
  `warm, ${count} PDFs: p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, mean ${mean.toFixed(0)} ms`,
);
console.log(`size: ${(bytes / 1024).toFixed(1)} KiB`);
