// The draft's list position (search, page of pairs, page of mentees without a mentor) in the page address.
import { type DraftListQuery } from '~/modules/mentoring/draft.server';
import { listParams, listQueryString, parseListQuery } from '~/modules/lists/paging';

export const pagePath = (networkId: string) => `/beheer/netwerken/${networkId}/koppelen`;
/** The page number of the list of mentees without a mentor (the pairs use `pagina`). */
export const UNMATCHED_PAGE = 'zonder';

export function draftListQuery(url: URL): DraftListQuery {
  const { search, page } = parseListQuery(url.searchParams);
  const unmatched = parseListQuery(new URLSearchParams({ [listParams.page]: url.searchParams.get(UNMATCHED_PAGE) ?? '' }));
  return { search, page, unmatchedPage: unmatched.page };
}

export function draftQueryString(query: DraftListQuery, extra: Record<string, string | number | null> = {}) {
  return listQueryString(
    { search: query.search, page: query.page },
    { [UNMATCHED_PAGE]: query.unmatchedPage > 1 ? query.unmatchedPage : null, ...extra },
  );
}
