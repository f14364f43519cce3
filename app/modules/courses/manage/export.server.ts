import type { Translate } from '~/i18n';
import { sourceLabel } from '../../labels';
import { excelCsv } from '../../csv.server';
import { type courseRegistrations } from './reading.server';
import { toLocalInputs } from '../../time';
import { needsText } from '../aids';

// CSV export

const csvMoment = (date: Date) => {
  const { date: day, time } = toLocalInputs(date);
  return `${day} ${time}`;
};

/** The registrations as CSV for Dutch Excel: UTF-8 with BOM, semicolons, CRLF. */
export function registrationsCsv(data: NonNullable<Awaited<ReturnType<typeof courseRegistrations>>>, t: Translate) {
  const answerText = (question: (typeof data.questions)[number], value: string | undefined) => {
    if (value === undefined || value === '') return '';
    if (question.kind === 'yes-no') {
      if (['yes', 'ja', 'true', 'on'].includes(value)) return t('manageCourses.yes');
      if (['no', 'nee', 'false', 'off'].includes(value)) return t('manageCourses.no');
    }
    return value;
  };
  // A hybrid course's people sit in the room or online: a column says which (other courses have one pool).
  const hybrid = data.course.format === 'hybrid';
  const header = [
    t('manageCourses.csv.name'),
    t('manageCourses.csv.email'),
    t('manageCourses.csv.municipality'),
    t('manageCourses.csv.phone'),
    t('manageCourses.csv.status'),
    ...(hybrid ? [t('pools.coordinator.column')] : []),
    t('manageCourses.csv.position'),
    t('manageCourses.csv.registeredAt'),
    t('manageCourses.csv.source'),
    t('manageCourses.csv.utm'),
    t('manageCourses.csv.accessibility'),
    ...data.questions.map((q) => q.label),
    t('manageCourses.csv.attended'),
    t('manageCourses.csv.completed'),
  ];
  const rows = data.people.map((p) => [
    p.name,
    p.email,
    p.municipalityName,
    p.phone ?? '',
    t(`manageCourses.status.${p.status}`),
    ...(hybrid ? [t(`pools.pool.${p.pool}`)] : []),
    p.position === null ? '' : String(p.position),
    csvMoment(p.createdAt),
    sourceLabel(t, p.source),
    p.utm
      ? Object.entries(p.utm)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')
      : '',
    needsText(t, p),
    ...data.questions.map((q) => answerText(q, p.answers[q.id] ?? p.answers[q.label])),
    p.status === 'confirmed' ? String(p.sessionsAttended) : '',
    p.status === 'confirmed' ? (p.completed ? t('manageCourses.yes') : t('manageCourses.no')) : '',
  ]);
  return excelCsv([header, ...rows]);
}
