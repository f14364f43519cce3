import type { MatchReason, SharedNeedKind } from '~db/schema';
import type { Locale, Translate } from '~/i18n';
import { now } from '../clock.server';
import { formatMoment, toLocalInputs } from '../time';
import { awaitsAnswerFrom, type Meeting } from './meetings.server';

// What the match page shows of meetings, shared needs and the reasons for a match, in the reader's
// language: plain data for the components in components/meetings.tsx.

export function meetingView(
  rows: Meeting[],
  o: { userId: string; otherName: string; active: boolean; counterId: string | null; locale: Locale; t: Translate },
) {
  const at = now();
  const meetings = rows.map((m) => {
    const future = m.startsAt > at;
    const open = m.status === 'proposed' || m.status === 'accepted';
    const status =
      m.status === 'proposed'
        ? awaitsAnswerFrom(m, o.userId)
          ? o.t('meetings.status.waitingForYou', { name: o.otherName })
          : o.t('meetings.status.waitingForOther', { name: o.otherName })
        : m.status === 'accepted' && !future
          ? o.t('meetings.status.past')
          : o.t(`meetings.status.${m.status}`);
    return {
      id: m.id,
      when: formatMoment(o.locale, m.startsAt),
      duration: o.t('meetings.minutes', { count: m.durationMinutes }),
      where: m.place,
      videoUrl: m.videoUrl,
      status,
      canAnswer: o.active && future && awaitsAnswerFrom(m, o.userId),
      canCancel: o.active && future && open,
      raw: m,
    };
  });
  const chosen = meetings.find((m) => m.id === o.counterId && m.canAnswer);
  const counter = chosen
    ? {
        id: chosen.id,
        when: chosen.when,
        defaults: {
          date: toLocalInputs(chosen.raw.startsAt).date,
          time: toLocalInputs(chosen.raw.startsAt).time,
          duration: String(chosen.raw.durationMinutes) as '60',
          place: chosen.raw.place,
          videoUrl: chosen.raw.videoUrl,
        },
      }
    : null;
  return { meetings: meetings.map(({ raw: _raw, ...row }) => row), counter };
}

export function sharedNeedsView(row: { needs: string[]; other: string } | null, t: Translate) {
  if (!row) return null;
  const kinds = row.needs as SharedNeedKind[];
  return { kinds, needs: kinds.map((k) => t(`sharedNeeds.need.${k}`)), other: row.other };
}

/**
 * Why this mentor, for the mentee: the sentences of the match's reasons written to the mentee, the
 * weightiest first. They describe this pair only (never other candidates), and the scoring writes
 * none about special-category data.
 */
export function whyThisMentor(reasons: MatchReason[], locale: Locale) {
  return [...reasons].sort((a, b) => b.points - a.points).map((r) => (locale === 'en' ? r.en : r.nl));
}
