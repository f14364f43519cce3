// Paging and searching the coordinator's long lists (a network's applications, matches, draft pairs).
// Pure functions, shared by loaders, actions (which return to the same slice) and components.

/**
 * Rows per page. 50 rows of the widest list (the matching draft, with reasons) stay near 60 KB of
 * HTML, well under the 300 KB every page must stay under.
 */
export const LIST_PAGE_SIZE = 50;
/** Past this page the list is beyond any real use; it also keeps OFFSET bounded. */
const MAX_PAGE = 2_000;
const MAX_SEARCH = 100;

/** The query-string names, Dutch like the paths. */
export const listParams = { search: 'zoek', status: 'status', page: 'pagina' } as const;

export type ListQuery<S extends string = string> = {
  /** Trimmed search text, '' for none. */
  search: string;
  /** One of the allowed statuses, or null for all. */
  status: S | null;
  page: number;
};

/**
 * Reads search, status and page from a query string. Values that cannot be right are dropped (the
 * list then shows everything for that filter), so an old or hand-edited URL never causes an error.
 */
export function parseListQuery<S extends string>(params: URLSearchParams, statuses: readonly S[] = []): ListQuery<S> {
  const search = (params.get(listParams.search) ?? '').trim().slice(0, MAX_SEARCH);
  const asked = params.get(listParams.status) ?? '';
  const status = (statuses as readonly string[]).includes(asked) ? (asked as S) : null;
  const page = Number.parseInt((params.get(listParams.page) ?? '').slice(0, 6), 10);
  return { search, status, page: Number.isInteger(page) && page > 1 ? Math.min(page, MAX_PAGE) : 1 };
}

/** The query string of a list's state (`?zoek=…&pagina=2`), '' when it is the plain first page. */
export function listQueryString(query: Partial<ListQuery>, extra: Record<string, string | number | null | undefined> = {}) {
  const params = new URLSearchParams();
  if (query.search) params.set(listParams.search, query.search);
  if (query.status) params.set(listParams.status, query.status);
  if (query.page && query.page > 1) params.set(listParams.page, String(query.page));
  for (const [key, value] of Object.entries(extra))
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function pageCount(total: number, pageSize = LIST_PAGE_SIZE) {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** OFFSET of a page; a page past the end reads nothing (the pager then links back to the last one). */
export function offsetOf(page: number, pageSize = LIST_PAGE_SIZE) {
  return (Math.max(1, page) - 1) * pageSize;
}

/** `%`, `_` and `\` match literally in a LIKE pattern once escaped with a backslash. */
export function likePattern(search: string) {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The rows a page shows, numbered from 1: "51–100". */
export function rangeOf(page: number, shown: number, pageSize = LIST_PAGE_SIZE) {
  const from = (Math.max(1, page) - 1) * pageSize + 1;
  return { from, to: from + Math.max(0, shown - 1) };
}
