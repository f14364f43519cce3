import { parseWithZod } from '@conform-to/zod/v4';
import { redirectWithNotice } from '~/components/ui/notice.server';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { AcademyForm } from '~/components/academies';
import { localeFromRequest, translator, useT } from '~/i18n';
import { attachable, saveAcademy } from '~/modules/organisations/academies.server';
import { academySchema } from '~/modules/organisations/academy-schema';
import { requireCoordinator, requireOwnOrganisation } from '~/modules/organisations/guards.server';
import { pageTitle } from '~/components/page-title';
import { ListResults, ListSearch, Pager } from '~/components/pager';
import { listQueryString, pageCount, parseListQuery } from '~/modules/lists/paging';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.academyNew');

export async function loader({ request }: LoaderFunctionArgs) {
  const coordinator = await requireCoordinator(request);
  const params = new URL(request.url).searchParams;
  const asked = params.get('organisatie');
  const query = parseListQuery(params);
  // With several organisations the page first asks which one (the lists below depend on it).
  if (asked === null && coordinator.organisations.length > 1) {
    return {
      organisation: null,
      choices: coordinator.organisations.map((o) => ({ id: o.id, name: o.name })),
      courses: [],
      courseTotal: 0,
      query,
      networks: [],
    };
  }
  const organisation = asked !== null ? requireOwnOrganisation(coordinator, asked) : coordinator.organisations[0]!;
  // One page of the organisation's courses (searchable): thousands over the years would not fit a page.
  const { courses, courseTotal, networks } = await attachable(getDb(), organisation.id, null, query);
  return { organisation: { id: organisation.id, name: organisation.name }, choices: [], courses, courseTotal, query, networks };
}

export async function action({ request }: ActionFunctionArgs) {
  const coordinator = await requireCoordinator(request);
  const t = translator(localeFromRequest(request));
  const formData = await request.formData();
  const organisation = requireOwnOrganisation(coordinator, formData.get('organisationId'));
  const submission = parseWithZod(formData, { schema: academySchema(t) });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  const result = await saveAcademy(getDb(), organisation.id, null, submission.value);
  if (result.status !== 'saved') {
    return data(submission.reply({ formErrors: [t('admin.academies.errors.unknown')] }), { status: 400 });
  }
  return redirectWithNotice(`/beheer/academies?organisatie=${organisation.id}`, 'notice.academy.saved');
}

export default function NewAcademy() {
  const t = useT();
  const { organisation, choices, courses, courseTotal, query, networks } = useLoaderData<typeof loader>();
  const path = '/beheer/academies/nieuw';
  const keep: Record<string, string> = organisation ? { organisatie: organisation.id } : {};
  const lastResult = useActionData<typeof action>();
  return (
    <div className="pa-manage pa-prose">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/beheer/academies">
          {t('admin.academies.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('admin.academies.newTitle')}</h1>
      {organisation ? (
        <>
          <p className="utrecht-paragraph">{t('admin.academies.newIntro', { organisation: organisation.name })}</p>
          {courseTotal > 0 || query.search ? (
            <ListSearch path={path} query={query} label={t('admin.academies.searchCourses')} keep={keep} />
          ) : null}
          <AcademyForm
            id="new-academy"
            lastResult={lastResult}
            defaultValue={{}}
            courses={courses}
            networks={networks}
            academyId={null}
            organisationId={organisation.id}
            submit={t('admin.academies.create')}
            coursesBefore={
              <>
                {courseTotal > 0 ? <ListResults page={query.page} shown={courses.length} total={courseTotal} /> : null}
                {pageCount(courseTotal) > 1 ? <p className="utrecht-paragraph">{t('admin.academies.pagesHint')}</p> : null}
              </>
            }
            coursesAfter={
              <Pager
                path={path}
                query={query}
                pageCount={pageCount(courseTotal)}
                label={t('admin.academies.coursePages')}
                href={(page) => `${path}${listQueryString({ ...query, page }, keep)}`}
              />
            }
            coursesEmpty={query.search ? t('lists.results.none') : undefined}
          />
        </>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('admin.academies.chooseOrganisation')}</p>
          <ul className="utrecht-unordered-list">
            {choices.map((o) => (
              <li className="utrecht-unordered-list__item" key={o.id}>
                <Link className="utrecht-link" to={`/beheer/academies/nieuw?organisatie=${o.id}`}>
                  {o.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
