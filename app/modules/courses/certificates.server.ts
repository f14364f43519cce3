import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { certificates, courseSessions, registrations, sessionAttendance } from '~db/schema/courses';
import type { EmailAttachment } from '~db/schema/email';
import type { Locale } from '~/i18n';
import { now } from '../clock.server';
import { generateToken } from '../security/tokens.server';
import { certificatePdf } from './certificate-pdf.server';
import { appLink } from '~/modules/http.server';
import { loadCourseContext, type CourseContext } from './context.server';
import { formatDate } from '~/modules/time';

export type Certificate = typeof certificates.$inferSelect;

/**
 * The sessions a person must attend for a certificate: the course's own number, or by default all
 * but one (a course of one session: that one). Never more than the course has, never less than one.
 */
export function certificateMinimum(course: { certificateMinimum: number | null }, sessionCount: number) {
  const wanted = course.certificateMinimum ?? sessionCount - 1;
  return Math.max(1, Math.min(wanted, sessionCount));
}

/** Attended sessions per confirmed registration of a course (registrations without any are left out). */
async function attendedCounts(db: Db, courseId: string) {
  const rows = await db
    .select({ registrationId: sessionAttendance.registrationId, n: sql`count(*)`.mapWith(Number) })
    .from(sessionAttendance)
    .innerJoin(courseSessions, eq(courseSessions.id, sessionAttendance.sessionId))
    .innerJoin(registrations, eq(registrations.id, sessionAttendance.registrationId))
    .where(
      and(
        eq(courseSessions.courseId, courseId),
        eq(sessionAttendance.attended, true),
        eq(registrations.status, 'confirmed'),
        isNull(registrations.anonymisedAt),
      ),
    )
    .groupBy(sessionAttendance.registrationId);
  return new Map(rows.map((r) => [r.registrationId, r.n]));
}

export type Reconciled = { issued: string[]; withdrawn: string[]; holders: Map<string, Certificate> };

/**
 * Brings a closed course's certificates in line with its attendance: everyone at or above the minimum
 * holds a valid certificate (a new one, or the withdrawn one given back with the same code), everyone
 * else holds none that is valid. Call it inside the transaction that changed attendance, the minimum
 * or closed the course. Returns the registrations that gained or lost one, and the valid certificates.
 */
export async function reconcileCertificates(tx: Db, ctx: CourseContext): Promise<Reconciled> {
  const courseId = ctx.course.id;
  const minimum = certificateMinimum(ctx.course, ctx.sessions.length);
  const [counts, existing] = await Promise.all([
    attendedCounts(tx, courseId),
    tx.select().from(certificates).where(eq(certificates.courseId, courseId)),
  ]);
  const byRegistration = new Map(existing.map((c) => [c.registrationId, c]));
  const qualifying = new Set(ctx.sessions.length ? [...counts].filter(([, n]) => n >= minimum).map(([id]) => id) : []);
  const t = now();
  const issued: string[] = [];
  const withdrawn: string[] = [];
  const holders = new Map<string, Certificate>();

  const fresh = [...qualifying].filter((id) => !byRegistration.has(id));
  if (fresh.length) {
    const rows = await tx
      .insert(certificates)
      .values(fresh.map((registrationId) => ({ code: generateToken(), registrationId, courseId, issuedAt: t })))
      .returning();
    for (const row of rows) holders.set(row.registrationId, row);
    issued.push(...fresh);
  }
  const giveBack = existing.filter((c) => c.withdrawnAt && qualifying.has(c.registrationId)).map((c) => c.id);
  if (giveBack.length) {
    const rows = await tx
      .update(certificates)
      .set({ withdrawnAt: null, issuedAt: t })
      .where(inArray(certificates.id, giveBack))
      .returning();
    for (const row of rows) holders.set(row.registrationId, row);
    issued.push(...rows.map((r) => r.registrationId));
  }
  const takeBack = existing.filter((c) => !c.withdrawnAt && !qualifying.has(c.registrationId)).map((c) => c.id);
  if (takeBack.length) {
    const rows = await tx.update(certificates).set({ withdrawnAt: t }).where(inArray(certificates.id, takeBack)).returning();
    withdrawn.push(...rows.map((r) => r.registrationId));
  }
  for (const c of existing) if (!c.withdrawnAt && qualifying.has(c.registrationId)) holders.set(c.registrationId, c);
  return { issued, withdrawn, holders };
}

/** Reconciles only when the course was closed (its follow-up went out); before that nobody holds one. */
export async function reconcileIfClosed(tx: Db, courseId: string) {
  const ctx = await loadCourseContext(tx, courseId);
  if (!ctx?.course.followUpSentAt) return null;
  return reconcileCertificates(tx, ctx);
}

/** "3 november 2026" for one day, "3 november 2026 – 17 november 2026" for a course over several days. */
function courseDates(locale: Locale, sessions: { startsAt: Date }[]) {
  if (!sessions.length) return '';
  const first = formatDate(locale, sessions[0]!.startsAt);
  const last = formatDate(locale, sessions.at(-1)!.startsAt);
  return first === last ? first : `${first} – ${last}`;
}

const certificateUrl = (code: string) => appLink(`/certificaat/${code}`);

/** The PDF of a valid certificate, built from its row, the registration and the course. */
async function renderCertificate(
  ctx: CourseContext,
  certificate: Certificate,
  holder: { name: string; locale: Locale },
): Promise<{ filename: string; bytes: Uint8Array }> {
  const bytes = await certificatePdf({
    locale: holder.locale,
    holderName: holder.name,
    courseTitle: ctx.course.title,
    organisationName: ctx.organisationName,
    dates: courseDates(holder.locale, ctx.sessions),
    verifyUrl: certificateUrl(certificate.code),
    code: certificate.code,
    issuedAt: certificate.issuedAt,
  });
  const word = holder.locale === 'nl' ? 'bewijs-van-deelname' : 'certificate';
  return { filename: `${word}-${fileSlug(ctx.course.title)}.pdf`, bytes };
}

/** A file name part from a title: ASCII letters and digits only (mail clients and old systems agree on those). */
function fileSlug(title: string) {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'cursus';
}

/** The certificate as an email attachment. */
export async function certificateAttachment(
  ctx: CourseContext,
  certificate: Certificate,
  holder: { name: string; locale: Locale },
): Promise<EmailAttachment> {
  const { filename, bytes } = await renderCertificate(ctx, certificate, holder);
  return { filename, contentType: 'application/pdf', content: Buffer.from(bytes).toString('base64') };
}

/**
 * The PDF of a registration's certificate, when it holds a valid one; null otherwise (none, withdrawn,
 * or the registration is gone). The caller has checked that the person may see this registration.
 */
export async function certificateOfRegistration(db: Db, registrationId: string) {
  const [row] = await db
    .select({ certificate: certificates, name: registrations.name, locale: registrations.locale })
    .from(certificates)
    .innerJoin(registrations, eq(registrations.id, certificates.registrationId))
    .where(and(eq(certificates.registrationId, registrationId), isNull(certificates.withdrawnAt), isNull(registrations.anonymisedAt)));
  if (!row) return null;
  const ctx = await loadCourseContext(db, row.certificate.courseId);
  if (!ctx) return null;
  return renderCertificate(ctx, row.certificate, { name: row.name, locale: row.locale });
}

/** Which of these registrations hold a valid certificate (for lists: the account page). */
export async function registrationsWithCertificate(db: Db, registrationIds: string[]) {
  if (!registrationIds.length) return new Set<string>();
  const rows = await db
    .select({ registrationId: certificates.registrationId })
    .from(certificates)
    .where(and(inArray(certificates.registrationId, registrationIds), isNull(certificates.withdrawnAt)));
  return new Set(rows.map((r) => r.registrationId));
}

// Dutch surname particles: initials are of the names, not of "van", "de" or "ter".
const PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  'ter',
  'ten',
  'te',
  "'t",
  'in',
  'op',
  'la',
  'le',
  'du',
  'da',
  'di',
  'von',
  'zu',
  'el',
  'al',
  'bin',
]);

/** "Zoë Çelik-Brouwer" → "Z. Ç.-B.", "Anniek ter Weële" → "A. W.": what the verification page may show of a name. */
export function initialsOf(name: string) {
  const words = name
    .normalize('NFC')
    .split(/\s+/)
    .filter((w) => w && !PARTICLES.has(w.toLocaleLowerCase('nl')));
  return words
    .map((word) =>
      word
        .split('-')
        .filter(Boolean)
        .map((part) => `${[...part][0]!.toLocaleUpperCase('nl')}.`)
        .join('-'),
    )
    .join(' ');
}

export type Verification =
  | { status: 'unknown' }
  | {
      status: 'valid' | 'withdrawn';
      courseTitle: string;
      organisationName: string;
      dates: string;
      initials: string;
      issuedOn: string;
      withdrawnOn: string | null;
      /** Set for an academy's programme certificate (ADR 018): `courseTitle` is then the academy's name. */
      kind?: 'programme';
    };

/** What /certificaat/:code may say about a code: course, dates, organisation and the holder's initials only. */
export async function verifyCertificate(db: Db, code: string, locale: Locale): Promise<Verification> {
  if (!/^[a-z2-7]{32}$/.test(code)) return { status: 'unknown' };
  const [row] = await db
    .select({ certificate: certificates, name: registrations.name, anonymisedAt: registrations.anonymisedAt })
    .from(certificates)
    .innerJoin(registrations, eq(registrations.id, certificates.registrationId))
    .where(eq(certificates.code, code));
  if (!row || row.anonymisedAt) return { status: 'unknown' };
  const ctx = await loadCourseContext(db, row.certificate.courseId);
  if (!ctx) return { status: 'unknown' };
  const { certificate } = row;
  return {
    status: certificate.withdrawnAt ? 'withdrawn' : 'valid',
    courseTitle: ctx.course.title,
    organisationName: ctx.organisationName,
    dates: courseDates(locale, ctx.sessions),
    initials: initialsOf(row.name),
    issuedOn: formatDate(locale, certificate.issuedAt),
    withdrawnOn: certificate.withdrawnAt ? formatDate(locale, certificate.withdrawnAt) : null,
  };
}

/**
 * The download of a certificate (`certificateOfRegistration`'s answer) as both download routes send it:
 * personal, so never cached on the way and never indexed. No certificate is a 404, whatever the cause,
 * so someone else's registration, a forged link and a withdrawn certificate look the same.
 */
export function certificateDownload(file: Awaited<ReturnType<typeof certificateOfRegistration>>): Response {
  if (!file) throw new Response('Not Found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}
