import { parseWithZod } from '@conform-to/zod/v4';
import { redirectWithNotice } from '~/components/ui/notice.server';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { AcademyForm } from '~/components/academies';
import { AcademyNav } from '~/components/academy-nav';
import { localeFromRequest, translator, useT } from '~/i18n';
import { academyOf, attachable, saveAcademy } from '~/modules/organisations/academies.server';
import { academySchema } from '~/modules/organisations/academy-schema';
import { notFound } from '~/modules/http.server';
import { enrolCohortLocked } from '~/modules/academies/cohort.server';
import { requireCoordinator, scopeOf } from '~/modules/organisations/guards.server';
import { pageTitle } from '~/components/page-title';
import { ListResults, ListSearch, Pager } from '~/components/pager';
import { pageCount, parseListQuery } from '~/modules/lists/paging';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.academy', args.data ? { academy: args.data.academy.name } : null);

/** The academy when it belongs to one of the coordinator's organisations; 404 for every other id. */
async function academyOfCoordinator(request: Request, id: string | undefined) {
  const coordinator = await requireCoordinator(request);
  const academy = await academyOf(getDb(), scopeOf(coordinator).organisationIds, id ?? '');
  if (!academy) throw notFound();
  const organisation = coordinator.organisations.find((o) => o.id === academy.organisationId)!;
  return { academy, organisation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { academy, organisation } = await academyOfCoordinator(request, params.id);
  // One page of the organisation's courses (searchable): thousands over the years would not fit a page.
  const query = parseListQuery(new URL(request.url).searchParams);
  const { courses, courseTotal, coursesInAcademy, networks } = await attachable(getDb(), organisation.id, academy.id, query);
  return {
    academy: {
      id: academy.id,
      name: academy.name,
      description: academy.description,
      periodStart: academy.periodStart ?? '',
      periodEnd: academy.periodEnd ?? '',
    },
    organisation: { id: organisation.id, name: organisation.name },
    courses,
    courseTotal,
    coursesInAcademy,
    query,
    networks,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { academy, organisation } = await academyOfCoordinator(request, params.id);
  const t = translator(localeFromRequest(request));
  const submission = parseWithZod(await request.formData(), { schema: academySchema(t) });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  const result = await saveAcademy(getDb(), organisation.id, academy.id, submission.value);
  if (result.status === 'not-found') throw notFound();
  if (result.status === 'foreign-ids') {
    return data(submission.reply({ formErrors: [t('admin.academies.errors.unknown')] }), { status: 400 });
  }
  // Courses put in the academy are modules: its accepted cohort is enrolled in them now (ADR 018; the
  // minute sweep would catch up too).
  await enrolCohortLocked(getDb(), academy.id);
  return redirectWithNotice(`/beheer/academies?organisatie=${organisation.id}`, 'notice.academy.saved');
}

export default function EditAcademy() {
  const t = useT();
  const { academy, organisation, courses, courseTotal, coursesInAcademy, query, networks } = useLoaderData<typeof loader>();
  const path = `/beheer/academies/${academy.id}`;
  const lastResult = useActionData<typeof action>();
  return (
    <div className="pa-manage pa-prose">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/beheer/academies?organisatie=${organisation.id}`}>
          {t('admin.academies.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{academy.name}</h1>
      <AcademyNav academyId={academy.id} />
      <p className="utrecht-paragraph">{t('admin.academies.editIntro', { organisation: organisation.name })}</p>
      <p className="utrecht-paragraph">{t('admin.academies.coursesIn', { count: coursesInAcademy })}</p>
      {courseTotal > 0 || query.search ? <ListSearch path={path} query={query} label={t('admin.academies.searchCourses')} /> : null}
      <AcademyForm
        id="edit-academy"
        lastResult={lastResult}
        defaultValue={{
          name: academy.name,
          description: academy.description,
          periodStart: academy.periodStart,
          periodEnd: academy.periodEnd,
          courseIds: courses.filter((c) => c.academyId === academy.id).map((c) => c.id),
          networkIds: networks.filter((n) => n.academyId === academy.id).map((n) => n.id),
        }}
        courses={courses}
        networks={networks}
        academyId={academy.id}
        submit={t('admin.academies.save')}
        coursesBefore={
          <>
            {courseTotal > 0 ? <ListResults page={query.page} shown={courses.length} total={courseTotal} /> : null}
            {pageCount(courseTotal) > 1 ? <p className="utrecht-paragraph">{t('admin.academies.pagesHint')}</p> : null}
          </>
        }
        coursesAfter={<Pager path={path} query={query} pageCount={pageCount(courseTotal)} label={t('admin.academies.coursePages')} />}
        coursesEmpty={query.search ? t('lists.results.none') : undefined}
      />
    </div>
  );
}
