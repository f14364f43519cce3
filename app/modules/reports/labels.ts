import type { MessageKey, Translate } from '~/i18n';
import { sourceLabel as sharedSourceLabel } from '../labels';

// Names for the sources people came from (`bron` and `utm_source` values), so that a report never
// shows a code. The sources the platform itself records are named by the shared labels module (the
// same words as on the pages); campaign tags (`utm_source`) are the report's own.

const campaigns: Record<string, MessageKey> = {
  politiekactief: 'reports.source.ourEmail',
};

/** The row key and readable name of a source; codes nobody named are shown as "own source: code". */
export function sourceLabel(t: Translate, source: string | null, utmSource: string | null) {
  if (utmSource) {
    const known = campaigns[utmSource];
    return { key: `utm:${utmSource}`, label: known ? t(known) : t('reports.source.campaign', { name: utmSource }) };
  }
  if (!source) return { key: '', label: t('reports.row.noSource') };
  const words = sharedSourceLabel(t, source);
  return { key: source, label: words && words !== source ? words : t('reports.source.own', { code: source }) };
}
