import { Link } from '@remix-run/react';
import { FilterSearch, FilterSelect } from '~/components/ui/filter-fields';
import { Form } from '~/components/ui/form';
import { useT } from '~/i18n';
import { listParams, listQueryString, rangeOf, type ListQuery } from '~/modules/lists/paging';

/** Page numbers to show: the first, the last, and two either side of the current one. */
function pageNumbers(page: number, count: number) {
  const numbers: Array<number | 'gap'> = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - page) <= 2) numbers.push(n);
    else if (numbers.at(-1) !== 'gap') numbers.push('gap');
  }
  return numbers;
}

type PagerProps = {
  /** The list's path, without query string. */
  path: string;
  query: ListQuery;
  pageCount: number;
  /** What the pages hold, for screen readers: "Pagina's met aanvragen". */
  label: string;
  /** The address of a page, when the list's page has another name than `pagina` (two lists on one page). */
  href?: (page: number) => string;
};

/** Links to the pages of a list, keeping its search and status: plain links, so they work without JavaScript. */
export function Pager({ path, query, pageCount, label, href: hrefOf }: PagerProps) {
  const t = useT();
  if (pageCount <= 1 && query.page <= 1) return null;
  const href = hrefOf ?? ((page: number) => `${path}${listQueryString({ ...query, page })}`);
  const page = query.page;
  return (
    <nav className="utrecht-pagination pa-pagination" aria-label={label}>
      <ul className="pa-pagination__list">
        {page > 1 ? (
          <li>
            <Link
              className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev"
              rel="prev"
              to={href(Math.min(page - 1, pageCount))}
            >
              {t('lists.pager.previous')}
            </Link>
          </li>
        ) : null}
        {pageNumbers(Math.min(page, pageCount), pageCount).map((n, i) =>
          n === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="pa-pagination__gap">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                className={`utrecht-pagination__page-link${n === page ? ' utrecht-pagination__page-link--current' : ''}`}
                to={href(n)}
                aria-current={n === page ? 'page' : undefined}
                aria-label={t('lists.pager.page', { page: n })}
              >
                {n}
              </Link>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link className="utrecht-pagination__relative-link utrecht-pagination__relative-link--next" rel="next" to={href(page + 1)}>
              {t('lists.pager.next')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

type ListSearchProps = {
  path: string;
  query: ListQuery;
  /** Label of the search box, e.g. "Zoek op naam, e-mailadres of gemeente". */
  label: string;
  /** A status filter: the choices (value and label), shown as a select. */
  statuses?: { value: string; label: string }[];
  statusLabel?: string;
  /** Query parameters that belong to the page rather than the list and must survive a search. */
  keep?: Record<string, string>;
};

/**
 * A GET form for a list's search (and status): without JavaScript the browser sends it as a plain
 * query string; a new search starts at page 1.
 */
export function ListSearch({ path, query, label, statuses, statusLabel, keep = {} }: ListSearchProps) {
  const t = useT();
  const id = `${listParams.search}-${path.split('/').pop()}`;
  return (
    <Form method="get" action={path} className="pa-list-search" role="search" key={`${query.search}|${query.status ?? ''}`}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FilterSearch id={id} name={listParams.search} label={label} value={query.search} className="pa-list-search__field" />
      {statuses ? (
        <FilterSelect
          id={`${id}-status`}
          name={listParams.status}
          label={statusLabel ?? ''}
          value={query.status ?? ''}
          all={t('lists.search.allStatuses')}
          options={statuses}
          className="pa-list-search__field"
        />
      ) : null}
      <div className="pa-list-search__actions">
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t('lists.search.submit')}
        </button>
        {query.search || query.status ? (
          <Link className="utrecht-link" to={`${path}${listQueryString({}, keep)}`}>
            {t('lists.search.clear')}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/** "51 to 100 of 2,340" above a list, announced when a search changes it. */
export function ListResults({ page, shown, total, pageSize }: { page: number; shown: number; total: number; pageSize?: number }) {
  const t = useT();
  const text =
    total === 0
      ? t('lists.results.none')
      : shown === 0
        ? t('lists.results.pastEnd', { count: total })
        : t('lists.results.range', { ...rangeOf(page, shown, pageSize), total });
  return (
    <p className="utrecht-paragraph" role="status">
      {text}
    </p>
  );
}
