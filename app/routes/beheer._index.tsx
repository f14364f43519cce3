import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { useT } from '~/i18n';
import { requireUser } from '~/modules/auth/session.server';
import { organisationsCoordinatedBy } from '~/modules/organisations/organisations.server';

export const meta: MetaFunction = () => [{ title: 'Beheer — Politiek Actief' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { organisations: await organisationsCoordinatedBy(getDb(), user.id) };
}

export default function ManageHome() {
  const t = useT();
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="utrecht-heading-1">{t('manage.title')}</h1>
      {organisations.length === 0 ? (
        <p className="utrecht-paragraph">{t('manage.none')}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('manage.intro')}</p>
          <ul className="utrecht-unordered-list">
            {organisations.map((o) => (
              <li className="utrecht-unordered-list__item" key={o.id}>
                {o.name} ({t(`org.kind.${o.kind}`)})
              </li>
            ))}
          </ul>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to="/beheer/cursussen">
              {t('manageCourses.title')}
            </Link>
          </p>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to="/beheer/rapportage">
              {t('reports.manageLink')}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
