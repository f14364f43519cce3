// English: what people need to take part (interpreters, wheelchair, hearing loop), their answers on
// the registration's page, and the sums on the coordinator's course page.
import type { nl } from './needs.nl';
import type { Translation } from '../types';

export const en: Translation<typeof nl> = {
  'needs.aids.legend': 'Should we arrange anything for you?',
  'needs.aids.hint': 'Choose what you need. We have to book an interpreter a few weeks ahead.',
  'needs.aid.ngt-interpreter': 'A Sign Language of the Netherlands interpreter (NGT interpreter)',
  'needs.aid.speech-to-text-interpreter': 'A speech-to-text interpreter',
  'needs.aid.deafblind-interpreter': 'An interpreter for deafblind people',
  'needs.aid.wheelchair': 'A place you can reach in a wheelchair',
  'needs.aid.hearing-loop': 'A hearing loop',
  'needs.answers.heading': 'Your answers',
  'needs.answers.intro': 'This is what you filled in when you signed up.',
  'needs.answers.none': 'nothing filled in',
  'needs.answers.aids': 'What we arrange for you',
  'needs.answers.other': 'What else you need',
  'needs.answers.change': 'Change your answers',
  'needs.answers.changeHint': 'You can change your answers until the course starts.',
  'needs.answers.closed': 'The course has started. Want to change something? Contact {organisation}.',
  'needs.answers.submit': 'Save answers',
  'notice.signUp.answersSaved': 'Your answers have been saved.',
  'needs.answers.tooLate': 'The course has already started. Your answers were not changed.',
  'needs.summary.heading': 'What to arrange',
  'needs.summary.intro': 'For the people with a seat on the course. Names and anything else they wrote are under Registrations.',
  'needs.summary.none': 'Nobody has asked for anything.',
  'needs.sum.ngt-interpreter': { one: '1 needs an NGT interpreter', other: '{count} need an NGT interpreter' },
  'needs.sum.speech-to-text-interpreter': {
    one: '1 needs a speech-to-text interpreter',
    other: '{count} need a speech-to-text interpreter',
  },
  'needs.sum.deafblind-interpreter': {
    one: '1 needs an interpreter for deafblind people',
    other: '{count} need an interpreter for deafblind people',
  },
  'needs.sum.wheelchair': { one: '1 comes in a wheelchair', other: '{count} come in a wheelchair' },
  'needs.sum.hearing-loop': { one: '1 needs a hearing loop', other: '{count} need a hearing loop' },
  'needs.sum.other': { one: '1 wrote down something else they need', other: '{count} wrote down something else they need' },
};
