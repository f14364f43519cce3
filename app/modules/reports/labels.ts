import type { MessageKey, Translate } from '~/i18n';

// Names for the sources people came from (`bron` and `utm_source` values), so that a report never
// shows a code. A minimal version for the report; a shared labels module may replace it.

const knownSources: Record<string, MessageKey> = {
  'course-follow-up': 'reports.source.courseFollowUp',
  'cursus-opvolging': 'reports.source.courseFollowUp',
  website: 'reports.source.website',
  coordinator: 'manageCourses.source.coordinator',
  politiekactief: 'reports.source.ourEmail',
};

/** The row key and readable name of a source; codes nobody named are shown as "own source: code". */
export function sourceLabel(t: Translate, source: string | null, utmSource: string | null) {
  if (utmSource) {
    const known = knownSources[utmSource];
    return { key: `utm:${utmSource}`, label: known ? t(known) : t('reports.source.campaign', { name: utmSource }) };
  }
  if (!source) return { key: '', label: t('reports.row.noSource') };
  const known = knownSources[source];
  if (known) return { key: source, label: t(known) };
  const signUpKey = `courses.signup.source.${source}` as MessageKey;
  const text = t(signUpKey);
  return { key: source, label: text === signUpKey ? t('reports.source.own', { code: source }) : text };
}
