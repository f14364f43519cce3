import type { ConsentPurpose } from '~db/schema/privacy';
import type { Locale, MessageKey, Translate } from '~/i18n';

// Words for the codes we store, in one place every page, CSV and report can reach: a person reads
// "Aangemeld door coördinator" or "E-mail na een cursus", never `coordinator` or `cursus-opvolging`.
// The lists here are the source of those codes, so a test can look for each of them in what people
// see (labels.test.ts).

/** Whether a code read from data is one of a list: narrowed, a message key built from it is checked. */
function isOneOf<C extends string>(codes: readonly C[], code: string): code is C {
  return (codes as readonly string[]).includes(code);
}

/**
 * The words for a code read from the database: `words(code)` when the code is one of `codes` (so
 * that `t(\`prefix.${code}\`)` inside is a checked key), else the code as it is stored.
 */
export function codeWords<C extends string>(codes: readonly C[], code: string, words: (code: C) => string): string {
  return isOneOf(codes, code) ? words(code) : code;
}

/** How someone heard of a course: the choices of the public sign-up form. */
export const registrationSources = ['social-media', 'friend-family', 'party', 'municipality', 'newsletter', 'other'] as const;

/** The source of a registration a coordinator entered by hand. */
export const coordinatorSource = 'coordinator';

/** What `bron` the course follow-up emails put in their link to /mentoraat. */
export const followUpSource = 'cursus-opvolging';

/**
 * Application sources we set ourselves, with their words. `course-follow-up` is what the demo data
 * wrote before it used `followUpSource`; demo databases seeded then still hold it.
 */
const applicationSourceKeys: Record<string, MessageKey> = {
  [followUpSource]: 'applications.source.followUp',
  'course-follow-up': 'applications.source.followUp',
};
export const applicationSourceCodes = Object.keys(applicationSourceKeys);

/**
 * Where a registration or an application came from, in words. A `bron` we do not know is a name an
 * organisation chose for its own link (`?bron=nieuwsbrief-mei`) and is shown as it is; none at all
 * is the empty string (the caller says "unknown" where it needs to).
 */
export function sourceLabel(t: Translate, source: string | null | undefined): string {
  if (!source) return '';
  if (source === coordinatorSource) return t('manageCourses.source.coordinator');
  if (isOneOf(registrationSources, source)) return t(`courses.signup.source.${source}`);
  const key = applicationSourceKeys[source];
  return key ? t(key) : source;
}

/** What a consent was for (db/schema consentPurposes), in words. */
export function consentPurposeLabel(t: Translate, purpose: ConsentPurpose) {
  return t(`privacy.purpose.${purpose}`);
}

const VERSION_MONTH = /-(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * A consent text's version (`bijzondere-gegevens-2026-11`) as people read it: the text of
 * November 2026. Every version ends in its year and month (consent-texts.ts).
 */
export function consentVersionLabel(t: Translate, locale: Locale, version: string) {
  const match = VERSION_MONTH.exec(version);
  if (!match) return t('privacy.consentVersion.unknown');
  const month = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15)),
  );
  return t('privacy.consentVersion.month', { month });
}

/** The data an audit event is about: every `entity` recordAudit() is called with. */
export const auditEntities = ['mentee_application.disability'] as const;
export type AuditEntity = (typeof auditEntities)[number];

const auditEntityKeys: Record<AuditEntity, MessageKey> = {
  'mentee_application.disability': 'privacy.auditEntity.menteeDisability',
};

export function auditEntityLabel(t: Translate, entity: string) {
  const key = auditEntityKeys[entity as AuditEntity];
  return key ? t(key) : t('privacy.auditEntity.other');
}
