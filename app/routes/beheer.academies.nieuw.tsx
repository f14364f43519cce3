import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { AcademyForm } from '~/components/academies';
import { localeFromRequest, translator, useT } from '~/i18n';
import { academySchema, attachable, saveAcademy } from '~/modules/organisations/academies.server';
import { requireCoordinator, requireOwnOrganisation } from '~/modules/organisations/guards.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.academyNew');

export async function loader({ request }: LoaderFunctionArgs) {
  const coordinator = await requireCoordinator(request);
  const asked = new URL(request.url).searchParams.get('organisatie');
  // With several organisations the page first asks which one (the lists below depend on it).
  if (asked === null && coordinator.organisations.length > 1) {
    return { organisation: null, choices: coordinator.organisations.map((o) => ({ id: o.id, name: o.name })), courses: [], networks: [] };
  }
  const organisation = asked !== null ? requireOwnOrganisation(coordinator, asked) : coordinator.organisations[0]!;
  const { courses, networks } = await attachable(getDb(), organisation.id);
  return { organisation: { id: organisation.id, name: organisation.name }, choices: [], courses, networks };
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
  return redirect(`/beheer/academies?organisatie=${organisation.id}&melding=opgeslagen`);
}

export default function NewAcademy() {
  const t = useT();
  const { organisation, choices, courses, networks } = useLoaderData<typeof loader>();
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
          <AcademyForm
            id="new-academy"
            lastResult={lastResult}
            defaultValue={{}}
            courses={courses}
            networks={networks}
            academyId={null}
            organisationId={organisation.id}
            submit={t('admin.academies.create')}
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
