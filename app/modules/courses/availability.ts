import type { Translate } from '~/i18n';
import type { RegistrationWindow } from './context.server';

/** What a course card and the course page show about sign-ups: the registration window, with "full" and "ended" split off. */
export type CourseAvailability = 'open' | 'full' | 'not-yet-open' | 'deadline-passed' | 'started' | 'ended' | 'cancelled';

/**
 * The one rule behind the catalogue card and the course page, so they never disagree: seats count
 * only while sign-up is open (a course that opens next month is not "26 seats left" today).
 */
export function courseAvailability(input: {
  window: RegistrationWindow;
  seatsLeft: number;
  lastEnd: Date | null | undefined;
  at: Date;
}): CourseAvailability {
  const { window, seatsLeft, lastEnd, at } = input;
  if (window === 'open') return seatsLeft > 0 ? 'open' : 'full';
  if (window === 'started' && lastEnd && lastEnd.getTime() <= at.getTime()) return 'ended';
  // Drafts are never shown to the public; should one slip through, it is not open.
  if (window === 'draft') return 'cancelled';
  return window;
}

/**
 * The short sentence for that state, the same on the card and as the heading on the course page.
 * `opensAt` is the opening moment already formatted for the reader.
 */
export function availabilityText(t: Translate, state: { availability: CourseAvailability; seatsLeft: number; opensAt: string | null }) {
  switch (state.availability) {
    case 'open':
      return t('courses.card.seatsLeft', { count: state.seatsLeft });
    case 'full':
      return t('courses.card.full');
    case 'not-yet-open':
      return state.opensAt ? t('courses.availability.opensAt', { date: state.opensAt }) : t('courses.page.notYetOpen');
    default:
      return t(`courses.closed.${state.availability}`);
  }
}
