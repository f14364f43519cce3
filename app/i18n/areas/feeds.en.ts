// English: calendar subscriptions (iCalendar) with the courses of a municipality, province or organisation.
import type { nl } from './feeds.nl';
import type { Translation } from '../types';

export const en: Translation<typeof nl> = {
  'feeds.name.municipality': 'Politiek Actief courses in {name}',
  'feeds.name.province': 'Politiek Actief courses in {name}',
  'feeds.name.organisation': 'Politiek Actief courses by {name}',
  'feeds.description': 'All sessions of the courses: {name}. The calendar updates by itself.',
  'feeds.cancelledSummary': 'Cancelled: {title}',
  'feeds.by': 'By {organisation}',
  'feeds.subscribe.heading': 'Add these courses to your calendar',
  'feeds.subscribe.intro': 'Subscribe to the calendar of {name}. New courses and changes appear in it by themselves.',
  'feeds.subscribe.webcal': 'Subscribe in your calendar app',
  'feeds.subscribe.https': 'Link for Google Calendar or Outlook (copy it)',
  'feeds.embed.heading': 'Politiek Actief courses',
  'feeds.embed.none': 'No courses are planned right now.',
  'feeds.embed.by': 'By {organisation}',
  'feeds.embed.all': 'All courses on Politiek Actief',
  'feeds.snippet.heading': 'Courses on your own website',
  'feeds.snippet.intro': 'Copy this code into your website. It then always shows your current courses.',
  'feeds.snippet.label': 'Code for your website',
};
