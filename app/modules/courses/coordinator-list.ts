// The coordinator's course list query (/beheer/cursussen): shared by the page and the server's query.

export const courseListFilters = ['komend', 'lopend', 'afgelopen', 'concept', 'geannuleerd'] as const;
export type CourseListFilter = (typeof courseListFilters)[number];

export type CourseListQuery = { filter: CourseListFilter | null; q: string; page: number };

export const COURSE_LIST_PAGE_SIZE = 50;

/** The list's query from the address; anything unknown is left out rather than refused. */
export function parseCourseListQuery(params: URLSearchParams): CourseListQuery {
  const filter = params.get('filter') ?? '';
  const page = Number.parseInt(params.get('pagina') ?? '1', 10);
  return {
    filter: (courseListFilters as readonly string[]).includes(filter) ? (filter as CourseListFilter) : null,
    q: (params.get('zoek') ?? '').trim().slice(0, 100),
    page: Number.isInteger(page) ? Math.max(1, Math.min(10_000, page)) : 1,
  };
}

/** The query string of the list, without empty parts, for the pager and the organisation switch. */
export function courseListQueryString(query: Partial<CourseListQuery> & { organisatie?: string | null }) {
  const params = new URLSearchParams();
  if (query.organisatie) params.set('organisatie', query.organisatie);
  if (query.filter) params.set('filter', query.filter);
  if (query.q) params.set('zoek', query.q);
  if (query.page && query.page > 1) params.set('pagina', String(query.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
