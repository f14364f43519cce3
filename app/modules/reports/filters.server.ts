import { redirect } from '@remix-run/node';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '~db/client.server';
import type { Translate } from '~/i18n';
import { dutchToday, SQL_TIME_ZONE } from '../clock.server';
import { notFound } from '../http.server';
import { requireCoordinator, requireOwnOrganisation } from '../organisations/guards.server';
import { academiesOf, type CohortKind, type ReportScope } from './figures.server';
import {
  blockCode,
  blockDays,
  blockLabel,
  blocksBetween,
  parseBlock,
  quarterOf,
  sameBlock,
  smallestBlockHolding,
  type Block,
} from './periods';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written as YYYY-MM-DD. */
function isDay(value: string) {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export type ReportRequest = Awaited<ReturnType<typeof readReportRequest>>;

/** The first and last day with report data of an organisation (courses' first sessions, applications). */
async function dataRange(db: Db, organisationId: string) {
  const [row] = rowsOf<{ first: string | null; last: string | null }>(
    await db.execute(sql`
      select to_char(min(d) at time zone ${SQL_TIME_ZONE}, 'YYYY-MM-DD') as first,
             to_char(max(d) at time zone ${SQL_TIME_ZONE}, 'YYYY-MM-DD') as last
      from (
        select min(first_session_at) as d from courses where organisation_id = ${organisationId}
        union all select max(first_session_at) from courses where organisation_id = ${organisationId}
        union all select min(ma.created_at) from mentee_applications ma join networks n on n.id = ma.network_id
          where n.organisation_id = ${organisationId}
        union all select max(ma.created_at) from mentee_applications ma join networks n on n.id = ma.network_id
          where n.organisation_id = ${organisationId}
      ) days`),
  );
  return { first: row?.first ?? null, last: row?.last ?? null };
}

/**
 * The coordinator, organisation, academy and period block of a report request (a GET form). Another
 * organisation's or academy's id is a 404, like everything else a coordinator may not see. The period
 * is a fixed block (`periode=2026-K1`, `2026` or `2025-2026`; ADR 015); a value that is not one comes
 * back as a field error with the list of blocks. An old link with free dates (`van`/`tot`) is sent on
 * to the smallest block that holds them, or gets a field error when no block does: never a free range.
 */
export async function readReportRequest(request: Request, db: Db, t: Translate) {
  const coordinator = await requireCoordinator(request);
  const url = new URL(request.url);
  const params = url.searchParams;
  const chosen = params.get('organisatie');
  const organisation = chosen ? requireOwnOrganisation(coordinator, chosen) : coordinator.organisations[0]!;
  const academies = await academiesOf(db, organisation.id);
  const academyParam = params.get('academie') || null;
  const academy = academyParam ? academies.find((a) => a.id === academyParam) : null;
  if (academyParam && !academy) throw notFound();

  const today = dutchToday();
  const errors: { period?: string[] } = {};
  const code = (params.get('periode') ?? '').trim();
  let block: Block | null = code ? parseBlock(code) : null;
  if (code && !block) errors.period = [t('reports.filters.invalidPeriod')];
  const from = (params.get('van') ?? '').trim();
  const to = (params.get('tot') ?? '').trim();
  if (!code && (from || to)) {
    // An old link with free dates.
    const start = from || to;
    const end = to || from;
    const holder = isDay(start) && isDay(end) && start <= end ? smallestBlockHolding(start, end) : null;
    if (holder) {
      params.delete('van');
      params.delete('tot');
      params.set('periode', blockCode(holder));
      throw redirect(`${url.pathname}?${params.toString()}`);
    }
    errors.period = [t('reports.filters.freeRange')];
  }
  block ??= quarterOf(today);
  const cohort: CohortKind = params.get('groep') === 'academie' ? 'academy' : 'month';

  // The blocks on offer: every block from the first data (or today) to the last data (or today).
  const range = await dataRange(db, organisation.id);
  const first = [range.first, today].filter((d): d is string => d !== null).sort()[0]!;
  const last = [range.last, today]
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1)!;
  const offered = blocksBetween(first, last);
  if (!offered.some((b) => sameBlock(b, block))) offered.unshift(block);
  const blocks = offered.map((b) => ({ code: blockCode(b), label: `${blockLabel(t, b)} (${blockDays(b).from} – ${blockDays(b).to})` }));

  const scope: ReportScope = { organisationId: organisation.id, academyId: academy?.id ?? null, ...blockDays(block) };
  return {
    coordinator,
    organisation,
    academy: academy ?? null,
    academies,
    block,
    blocks,
    scope,
    cohort,
    input: { period: errors.period ? code || `${from}/${to}` : blockCode(block) },
    errors: Object.keys(errors).length ? errors : null,
  };
}

/** The query string of a report, for the CSV link with the same filters. */
export function reportQuery(r: ReportRequest) {
  const params = new URLSearchParams({ organisatie: r.organisation.id });
  if (r.academy) params.set('academie', r.academy.id);
  params.set('periode', blockCode(r.block));
  if (r.cohort === 'academy') params.set('groep', 'academie');
  return params.toString();
}
