import type { Db } from '~db/client.server';
import type { Translate } from '~/i18n';
import { now } from '../clock.server';
import { notFound, requireCoordinator, requireOwnOrganisation } from '../organisations/guards.server';
import { academiesOf, type CohortKind, type ReportScope } from './figures.server';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written as YYYY-MM-DD. */
export function isDay(value: string) {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today in Dutch time, as YYYY-MM-DD. */
export function dutchToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now(),
  );
}

function yearBefore(day: string) {
  const [y, m, d] = day.split('-');
  return `${Number(y) - 1}-${m}-${m === '02' && d === '29' ? '28' : d}`;
}

export type ReportRequest = Awaited<ReturnType<typeof readReportRequest>>;

/**
 * The coordinator, organisation, academy and period of a report request (a GET form). Another
 * organisation's or academy's id is a 404, like everything else a coordinator may not see; a date that
 * is not a date comes back as a field error with the rest of the input kept.
 */
export async function readReportRequest(request: Request, db: Db, t: Translate) {
  const coordinator = await requireCoordinator(request);
  const params = new URL(request.url).searchParams;
  const chosen = params.get('organisatie');
  const organisation = chosen ? requireOwnOrganisation(coordinator, chosen) : coordinator.organisations[0]!;
  const academies = await academiesOf(db, organisation.id);
  const academyParam = params.get('academie') || null;
  const academy = academyParam ? academies.find((a) => a.id === academyParam) : null;
  if (academyParam && !academy) throw notFound();

  const today = dutchToday();
  const input = { from: (params.get('van') ?? '').trim(), to: (params.get('tot') ?? '').trim() };
  const errors: { from?: string[]; to?: string[] } = {};
  if (input.from && !isDay(input.from)) errors.from = [t('reports.filters.invalidDate')];
  if (input.to && !isDay(input.to)) errors.to = [t('reports.filters.invalidDate')];
  const to = input.to && !errors.to ? input.to : today;
  const from = input.from && !errors.from ? input.from : yearBefore(to);
  if (!errors.from && !errors.to && from > to) errors.to = [t('reports.filters.order')];
  const cohort: CohortKind = params.get('groep') === 'academie' ? 'academy' : 'month';

  const scope: ReportScope = { organisationId: organisation.id, academyId: academy?.id ?? null, from, to };
  return {
    coordinator,
    organisation,
    academy: academy ?? null,
    academies,
    scope,
    cohort,
    input: { from: input.from || from, to: input.to || to },
    errors: Object.keys(errors).length ? errors : null,
  };
}

/** The query string of a report, for the CSV link with the same filters. */
export function reportQuery(r: ReportRequest) {
  const params = new URLSearchParams({ organisatie: r.organisation.id });
  if (r.academy) params.set('academie', r.academy.id);
  params.set('van', r.scope.from);
  params.set('tot', r.scope.to);
  if (r.cohort === 'academy') params.set('groep', 'academie');
  return params.toString();
}
