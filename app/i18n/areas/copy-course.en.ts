// English: a course copied to run it again (/beheer/cursussen/:id/kopieren).
import type { nl } from './copy-course.nl';
import type { Translation } from '../types';

export const en: Translation<typeof nl> = {
  'title.copyCourse': 'Copy: {course}',
  'copyCourse.action': 'Copy',
  'copyCourse.actionHint':
    'Want to run this course again? Copy it: you pick new dates, and the texts, venue and questions come along. Registrations do not.',
  'copyCourse.heading': 'Copy the course',
  'copyCourse.intro':
    'The copy is a draft with the same texts, venue, number of seats, questions and sessions. Registrations, the waiting list and attendance are not copied.',
  'copyCourse.title': 'Name of the copy',
  'copyCourse.firstDate': 'Date of the first session',
  'copyCourse.firstDateHint':
    'The first session was on {date}. All sessions move by the same number of days, at the same times. Afterwards you can still move each session on its own.',
  'copyCourse.noSessions': 'This course has no sessions yet. You add them to the copy.',
  'copyCourse.sessionsCaption': 'Sessions of the course you are copying',
  'copyCourse.submit': 'Make the copy',
  'copyCourse.cancel': 'Back to the course',
  'notice.course.copied':
    'This is the copy, as a draft. Check its details. On the Overview page you can check the sessions and publish the course.',
  'copyCourse.errors.dateRequired': 'Choose the date of the first session',
  'copyCourse.errors.dateInvalid': 'Enter a date that exists, for example 2027-03-14',
  'copyCourse.errors.dateInPast': 'Choose a date from today on',
};
