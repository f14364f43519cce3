import type { Db } from '~db/client.server';
import type { Locale } from '~/i18n';
import { formatDate } from '../time';
import { routeOfMatch } from './route.server';

const dayText = (locale: Locale, day: string | null) => (day ? formatDate(locale, new Date(`${day}T12:00:00Z`)) : null);

/** A match's route as its page shows it, in the reader's language. */
export async function matchRouteView(db: Db, match: { id: string; networkId: string }, locale: Locale) {
  const route = await routeOfMatch(db, match);
  return {
    electionName: route.election ? (locale === 'en' ? route.election.nameEn : route.election.nameNl) : null,
    deadline: route.election ? dayText(locale, route.election.listDeadline) : null,
    mentorCopy: route.mentorCopy,
    steps: route.steps.map((s) => ({
      id: s.id,
      title: locale === 'en' ? s.titleEn : s.titleNl,
      onList: s.onList,
      suggestedOn: dayText(locale, s.suggestedOn),
      doneOn: dayText(locale, s.doneOn),
      note: s.note,
      updatedByName: s.updatedByName,
    })),
  };
}
