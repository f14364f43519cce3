// English: long lists of coordinators (summary, search, pages).
import type { Translation } from '../types';
import type { nl } from './lists.nl';

export const en: Translation<typeof nl> = {
  'lists.summary.heading': 'Overview',
  'lists.summary.all': 'All: {count}',
  'lists.summary.status': '{status}: {count}',
  'lists.search.people': 'Search by name, email address or municipality',
  'lists.search.allStatuses': 'All',
  'lists.search.submit': 'Search',
  'lists.search.clear': 'Show everything again',
  'lists.results.none': 'Nothing found. Search for something else or show everything again.',
  'lists.results.range': '{from} to {to} of {total}',
  'lists.results.pastEnd': { one: 'This page is empty. There is 1 result.', other: 'This page is empty. There are {count} results.' },
  'lists.pager.previous': 'Previous',
  'lists.pager.next': 'Next',
  'lists.pager.page': 'Page {page}',
};
