import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { Notice } from '~/components/form';
import { Hidden } from '~/components/manage-courses';
import { useT } from '~/i18n';
import { requireAdmin } from '~/modules/auth/session.server';
import { isUuid, notFound } from '~/modules/organisations/guards.server';
import { getOrganisation } from '~/modules/organisations/admin.server';
import { listOrganisations } from '~/modules/organisations/organisations.server';
import { setOpenFigures } from '~/modules/reports/national.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.admin');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { organisations: await listOrganisations(getDb()) };
}

/** The open-figures switch of one organisation (a form per row: works without JavaScript). */
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const form = await request.formData();
  const organisationId = form.get('organisationId');
  const value = form.get('openFigures');
  if (form.get('intent') !== 'open-figures' || !isUuid(organisationId) || (value !== 'aan' && value !== 'uit')) throw notFound();
  const on = value === 'aan';
  const db = getDb();
  if (!(await getOrganisation(db, organisationId))) throw notFound();
  await setOpenFigures(db, { organisationId, on, adminId: admin.id });
  return redirect(`/admin?melding=${on ? 'open-aan' : 'open-uit'}&organisatie=${organisationId}#open-${organisationId}`);
}

export default function AdminHome() {
  const t = useT();
  const { organisations } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const switched = organisations.find((o) => o.id === params.get('organisatie'));
  const notice = params.get('melding');
  return (
    <div className="pa-manage">
      <h1 className="utrecht-heading-1">{t('admin.title')}</h1>
      {switched && (notice === 'open-aan' || notice === 'open-uit') ? (
        <Notice>{t(notice === 'open-aan' ? 'national.admin.joined' : 'national.admin.left', { organisation: switched.name })}</Notice>
      ) : null}
      <p className="utrecht-paragraph">{t('admin.intro')}</p>
      <p className="utrecht-paragraph">{t('national.admin.intro')}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-button utrecht-button--primary-action pa-button-link" to="/admin/organisaties/nieuw">
          {t('admin.orgs.new')}
        </Link>
      </p>
      {organisations.length === 0 ? (
        <p className="utrecht-paragraph">{t('admin.orgs.empty')}</p>
      ) : (
        <div className="pa-table-scroll" tabIndex={0} role="region" aria-labelledby="organisations-caption">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption" id="organisations-caption">
              {t('admin.table.caption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('admin.table.name')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('admin.table.kind')}
                </th>
                <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  {t('admin.table.coordinators')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('national.admin.column')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {organisations.map((o) => (
                <tr className="utrecht-table__row" key={o.id}>
                  <th className="utrecht-table__header-cell" scope="row">
                    <Link className="utrecht-link" to={`/admin/organisaties/${o.id}`}>
                      {o.name}
                    </Link>
                  </th>
                  <td className="utrecht-table__cell">{t(`org.kind.${o.kind}`)}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{o.coordinators}</td>
                  <td className="utrecht-table__cell" id={`open-${o.id}`}>
                    <Form method="post" className="pa-inline-form">
                      <span>{t(o.openFigures ? 'national.admin.on' : 'national.admin.off')} </span>
                      <input type="hidden" name="organisationId" value={o.id} />
                      <input type="hidden" name="openFigures" value={o.openFigures ? 'uit' : 'aan'} />
                      <button type="submit" name="intent" value="open-figures" className="utrecht-button utrecht-button--secondary-action">
                        {t(o.openFigures ? 'national.admin.turnOff' : 'national.admin.turnOn')}
                        <Hidden> {o.name}</Hidden>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
