// English: the open national figures (/cijfers) and the switch for them on /admin.
import type { nl } from './national.nl';
import type { Translation } from '../types';

export const en: Translation<typeof nl> = {
  'national.title': 'Figures for the whole Netherlands',
  'national.intro':
    'How many people take a course to get involved in local politics? And how many of them get on a candidate list or are elected? Here you see it by province and by focus group, for all organisations that take part together.',
  'national.organisations': { one: '1 organisation takes part.', other: '{count} organisations take part.' },
  'national.updated': 'Last updated: {date}. We count again once a day.',
  'national.year.legend': 'Choose a year',
  'national.year.label': 'Year',
  'national.year.hint': 'Courses with their first session in this calendar year.',
  'national.year.submit': 'Show figures',
  'national.year.why':
    'You always choose a whole calendar year. With free periods you could subtract one period from another, and then recognise someone.',
  'national.stage.signedUp': 'Signed up for a course',
  'national.stage.attended': 'Attended',
  'national.stage.mentored': 'With a mentor',
  'national.stage.onRoute': 'On the route to a list',
  'national.stage.onList': 'On a candidate list',
  'national.stage.elected': 'Elected',
  'national.funnel.heading': 'From course to elected in {year}',
  'national.people':
    'All figures are numbers of people. Everyone counts once a year, also people who take more courses. The province is the one of their latest sign-up. "With a mentor": matched with a mentor in a network of an organisation that takes part. "On the route to a list": with a mentor, and on their route to the list they ticked the third step or a later one. Candidate list and elected: what people tell us themselves after an election.',
  'national.totalCaption': 'The whole Netherlands',
  'national.wholeCountry': 'The whole Netherlands',
  'national.notBrokenDown':
    'Not by province: {stages}. In the whole Netherlands that is fewer than 5 people. By province you could work out who they are.',
  'national.byProvince': 'By province',
  'national.byFocus': 'By focus group',
  'national.focusNote':
    'The focus group is what people said themselves when they asked for a mentor. Someone can be in two groups, and many people say nothing. That is why there is no total. We do not show health data here.',
  'national.none': 'No organisations take part yet, so there are no figures yet.',
  'national.licence': 'Open data: you may use, share and change these figures freely, also without naming the source (CC0 1.0).',
  'national.licenceLink': 'Read the CC0 1.0 licence',
  'national.csv.download': 'Download the figures of {year} as CSV (open data)',
  'national.csv.year': 'Year',
  'national.csv.updated': 'Last updated',
  'national.csv.organisations': 'Organisations taking part',
  'national.csv.source': 'Source: {url}',
  'national.csv.people': 'All figures are numbers of people; everyone counts once a year.',
  'national.footerLink': 'Figures for the Netherlands',

  'national.admin.heading': 'Open figures',
  'national.admin.intro':
    'An organisation that takes part counts in the open figures for the whole Netherlands (on /cijfers). New organisations do not take part. We do not show the names of organisations there.',
  'national.admin.column': 'Open figures',
  'national.admin.on': 'Takes part',
  'national.admin.off': 'Does not take part',
  'national.admin.turnOn': 'Take part',
  'national.admin.turnOff': 'Stop',
  'notice.openFigures.joined': '{organisation} now counts in the open figures.',
  'notice.openFigures.left': '{organisation} no longer counts in the open figures.',
  'national.admin.history': 'Changes to open figures',
  'national.admin.historyOn': '{date}: switched on by {name}',
  'national.admin.historyOff': '{date}: switched off by {name}',
  'national.admin.someone': 'a deleted account',
  'national.admin.noHistory': 'Not changed yet. New organisations do not take part.',
} as const;
