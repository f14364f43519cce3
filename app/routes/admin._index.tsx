import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { Hidden } from '~/components/manage-courses';
import { useT } from '~/i18n';
import { requireAdmin } from '~/modules/auth/session.server';
import { isUuid, notFound } from '~/modules/http.server';
import { getOrganisation } from '~/modules/organisations/admin.server';
import { listOrganisations } from '~/modules/organisations/organisations.server';
import { setOpenFigures } from '~/modules/reports/national.server';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.admin');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const organisations = await listOrganisations(getDb());
  const switched = organisations.find((o) => o.id === new URL(request.url).searchParams.get('organisatie'));
  return { organisations, noticeVars: switched ? { organisation: switched.name } : undefined };
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
  return redirectWithNotice(`/admin?organisatie=${organisationId}`, on ? 'notice.openFigures.joined' : 'notice.openFigures.left');
}

export default function AdminHome() {
  const t = useT();
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <div className="pa-manage">
      <h1 className="utrecht-heading-1">{t('admin.title')}</h1>
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
        <DataTable
          id="organisations-caption"
          caption={t('admin.table.caption')}
          rows={organisations}
          rowKey={(o) => o.id}
          rowId={(o) => `open-${o.id}`}
          columns={[
            {
              key: 'name',
              header: t('admin.table.name'),
              rowHeader: true,
              cell: (o) => (
                <Link className="utrecht-link" to={`/admin/organisaties/${o.id}`}>
                  {o.name}
                </Link>
              ),
            },
            { key: 'kind', header: t('admin.table.kind'), cell: (o) => t(`org.kind.${o.kind}`) },
            { key: 'coordinators', header: t('admin.table.coordinators'), numeric: true, cell: (o) => o.coordinators },
            {
              key: 'openFigures',
              header: t('national.admin.column'),
              cell: (o) => (
                <Form method="post" className="pa-inline-form">
                  <span>{t(o.openFigures ? 'national.admin.on' : 'national.admin.off')} </span>
                  <input type="hidden" name="organisationId" value={o.id} />
                  <input type="hidden" name="openFigures" value={o.openFigures ? 'uit' : 'aan'} />
                  <button type="submit" name="intent" value="open-figures" className="utrecht-button utrecht-button--secondary-action">
                    {t(o.openFigures ? 'national.admin.turnOff' : 'national.admin.turnOn')}
                    <Hidden> {o.name}</Hidden>
                  </button>
                </Form>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
