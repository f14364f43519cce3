import type { Translate } from '~/i18n';
import { excelCsv } from '../csv.server';
import { toLocalInputs } from '../time';
import type { cohortTable } from './completion.server';

/**
 * The cohort's attendance as CSV for Dutch Excel (UTF-8 with BOM, semicolons, CRLF): a row per
 * participant, a column per module (its state and sessions attended), the total and the completion.
 */
export function cohortCsv(table: Awaited<ReturnType<typeof cohortTable>>, t: Translate) {
  const header = [
    t('academyCohort.csvName'),
    t('academyCohort.csvEmail'),
    t('academyCohort.csvStatus'),
    ...table.modules.map((m) => m.title),
    t('academyCohort.total'),
    t('academyCohort.csvCompleted'),
  ];
  const rows = table.rows.map((r) => [
    r.name,
    r.email,
    r.status === 'left' ? t('academyCohort.left') : t('academyMine.statusOf.accepted'),
    ...r.progress.map((p) =>
      p.state === 'attended' || p.state === 'missed'
        ? `${t(`academyCohort.state.${p.state}`)} (${t('academyCohort.sessions', { attended: p.attendedSessions, count: p.sessions })})`
        : t(`academyCohort.state.${p.state}`),
    ),
    String(r.attended),
    r.completedAt ? toLocalInputs(r.completedAt).date : '',
  ]);
  return excelCsv([header, ...rows]);
}
