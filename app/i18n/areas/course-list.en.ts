// English: the coordinator's course list with its filters and search (/beheer/cursussen).
import type { nl } from './course-list.nl';
import type { Translation } from '../types';

export const en: Translation<typeof nl> = {
  'courseList.filters.heading': 'Search and filter',
  'courseList.filters.filter': 'Which courses',
  'courseList.filters.all': 'All courses',
  'courseList.filters.komend': 'Not started yet',
  'courseList.filters.lopend': 'Running',
  'courseList.filters.afgelopen': 'Past',
  'courseList.filters.concept': 'Draft',
  'courseList.filters.geannuleerd': 'Cancelled',
  'courseList.filters.q': 'Search by name or municipality',
  'courseList.filters.submit': 'Show courses',
  'courseList.filters.clear': 'Show all courses',
  'courseList.caption': 'Courses: first those starting soonest, then those running now',
  'courseList.captionOf': 'Courses of {organisation}: first those starting soonest, then those running now',
  'courseList.municipality': 'Municipality',
  'courseList.count': { one: '1 course found', other: '{count} courses found' },
  'courseList.none': 'No courses found with these choices.',
};
