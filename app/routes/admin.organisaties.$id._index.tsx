import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import type { NoticeKey } from '~/components/ui/notice-key';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { TextField } from '~/components/ui/fields';
import { ActionButton, Hidden, useDates } from '~/components/manage-courses';
import { localeFromRequest, translator, useT } from '~/i18n';
import { requireAdmin } from '~/modules/auth/session.server';
import {
  appointCoordinator,
  coordinatorsOf,
  getOrganisation,
  removeCoordinator,
  withdrawInvitation,
} from '~/modules/organisations/admin.server';
import { isUuid, notFound } from '~/modules/http.server';
import { openFiguresHistory } from '~/modules/reports/national.server';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';
import { ConfirmStep, confirmed } from '~/components/ui/confirm-step';
import { ErrorSummary } from '~/components/ui/error-summary';
import { useBrowserValidation } from '~/components/ui/validation';
import { appointSchema, type AppointFields } from '~/modules/organisations/schemas';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.adminOrganisation', args.data ? { organisation: args.data.organisation.name } : null);

async function organisationOf(request: Request, id: string | undefined) {
  const admin = await requireAdmin(request);
  const organisation = isUuid(id) ? await getOrganisation(getDb(), id) : null;
  if (!organisation) throw notFound();
  return { admin, organisation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await organisationOf(request, params.id);
  const [{ coordinators, invitations }, openFigures] = await Promise.all([
    coordinatorsOf(getDb(), organisation.id),
    openFiguresHistory(getDb(), organisation.id),
  ]);
  return {
    openFigures: { on: organisation.openFigures, history: openFigures },
    organisation: {
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      slug: organisation.slug,
      contactEmail: organisation.contactEmail,
    },
    coordinators,
    invitations,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, organisation } = await organisationOf(request, params.id);
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const db = getDb();
  const formData = await request.formData();
  const intent = formData.get('intent');
  const back = (key: NoticeKey) => redirectWithNotice(`/admin/organisaties/${organisation.id}`, key);

  if (intent === 'remove') {
    const userId = formData.get('userId');
    if (!isUuid(userId)) throw notFound();
    // Only the confirmation step's button (confirm=yes) removes; a post without it opens that step.
    if (!confirmed(formData)) {
      const { coordinators } = await coordinatorsOf(db, organisation.id);
      if (!coordinators.some((c) => c.id === userId)) throw notFound();
      return redirect(`/admin/organisaties/${organisation.id}?verwijderen=${userId}#verwijderen`, 303);
    }
    if (!(await removeCoordinator(db, organisation.id, userId))) throw notFound();
    return back('notice.organisation.removed');
  }
  if (intent === 'withdraw') {
    const invitationId = formData.get('invitationId');
    if (!isUuid(invitationId) || !(await withdrawInvitation(db, organisation.id, invitationId))) throw notFound();
    return back('notice.organisation.withdrawn');
  }
  if (intent !== 'appoint') return data({ result: undefined, problem: 'intent' as const }, { status: 400 });
  const submission = parseWithZod(formData, { schema: appointSchema(t) });
  if (submission.status !== 'success') return data({ result: submission.reply(), problem: null }, { status: 400 });
  const outcome = await appointCoordinator(db, {
    organisationId: organisation.id,
    email: submission.value.email,
    invitedBy: admin.id,
    locale,
  });
  return back(
    (
      {
        appointed: 'notice.organisation.appointed',
        already: 'notice.organisation.already',
        invited: 'notice.organisation.invited',
      } as const
    )[outcome.status],
  );
}

export default function AdminOrganisation() {
  const t = useT();
  const dates = useDates();
  const { organisation, coordinators, invitations, openFigures } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const [params] = useSearchParams();
  const removing = coordinators.find((c) => c.id === params.get('verwijderen'));
  const [form, fields] = useForm<AppointFields>({
    id: 'appoint',
    lastResult: acted?.result,
    ...useBrowserValidation(() => appointSchema(t), [t.locale]),
  });
  return (
    <div className="pa-manage">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/admin">
          {t('admin.backToList')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{organisation.name}</h1>

      <section className="pa-section" aria-labelledby="details-heading">
        <h2 className="utrecht-heading-2" id="details-heading">
          {t('admin.org.details')}
        </h2>
        <dl className="pa-details">
          <dt>{t('admin.orgs.kind')}</dt>
          <dd>{t(`org.kind.${organisation.kind}`)}</dd>
          <dt>{t('admin.orgs.contactEmail')}</dt>
          <dd>{organisation.contactEmail ?? t('admin.org.noContact')}</dd>
          <dt>{t('admin.orgs.slug')}</dt>
          <dd>{organisation.slug}</dd>
        </dl>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/admin/organisaties/${organisation.id}/bewerken`}>
            {t('admin.org.edit')}
          </Link>
        </p>
      </section>

      <section className="pa-section" aria-labelledby="coordinators-heading">
        <h2 className="utrecht-heading-2" id="coordinators-heading">
          {t('admin.org.coordinators')}
        </h2>
        {removing ? (
          <ConfirmStep
            id="verwijderen"
            heading={t('admin.org.removeHeading', { name: removing.name })}
            intent="remove"
            fields={{ userId: removing.id }}
            submit={t('admin.org.removeConfirm')}
            keepTo={`/admin/organisaties/${organisation.id}`}
            keep={t('admin.org.removeKeep')}
          >
            <p className="utrecht-paragraph">{t('admin.org.removeQuestion', { name: removing.name, organisation: organisation.name })}</p>
          </ConfirmStep>
        ) : null}
        {coordinators.length === 0 ? (
          <p className="utrecht-paragraph">{t('admin.org.noCoordinators')}</p>
        ) : (
          <DataTable
            id="coordinators-caption"
            caption={t('admin.org.coordinatorsCaption', { organisation: organisation.name })}
            rows={coordinators}
            rowKey={(c) => c.id}
            columns={[
              { key: 'name', header: t('admin.table.name'), rowHeader: true, cell: (c) => c.name },
              { key: 'email', header: t('admin.org.email'), cell: (c) => c.email },
              { key: 'since', header: t('admin.org.since'), cell: (c) => dates.day(c.since) },
            ]}
            actions={{
              header: t('admin.org.action'),
              cell: (c) => (
                <Link className="utrecht-link" to={`?verwijderen=${c.id}#verwijderen`}>
                  {t('admin.org.remove')}
                  <Hidden> {c.name}</Hidden>
                </Link>
              ),
            }}
          />
        )}

        {invitations.length > 0 ? (
          <>
            <h3 className="utrecht-heading-3">{t('admin.org.invitations')}</h3>
            <ul className="pa-item-list">
              {invitations.map((i) => (
                <li className="pa-item" key={i.id}>
                  <p className="utrecht-paragraph">{t('admin.org.invitationLine', { email: i.email, until: dates.day(i.expiresAt) })}</p>
                  <ActionButton intent="withdraw" fields={{ invitationId: i.id }}>
                    {t('admin.org.withdraw')}
                    <Hidden> {i.email}</Hidden>
                  </ActionButton>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="pa-section" aria-labelledby="open-figures-heading">
        <h2 className="utrecht-heading-2" id="open-figures-heading">
          {t('national.admin.heading')}
        </h2>
        <p className="utrecht-paragraph">{t('national.admin.intro')}</p>
        <Form method="post" action="/admin" className="pa-inline-form">
          <span>{t(openFigures.on ? 'national.admin.on' : 'national.admin.off')} </span>
          <input type="hidden" name="organisationId" value={organisation.id} />
          <input type="hidden" name="openFigures" value={openFigures.on ? 'uit' : 'aan'} />
          <button type="submit" name="intent" value="open-figures" className="utrecht-button utrecht-button--secondary-action">
            {t(openFigures.on ? 'national.admin.turnOff' : 'national.admin.turnOn')}
          </button>
        </Form>
        <h3 className="utrecht-heading-3">{t('national.admin.history')}</h3>
        {openFigures.history.length === 0 ? (
          <p className="utrecht-paragraph">{t('national.admin.noHistory')}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {openFigures.history.map((h, i) => (
              <li className="utrecht-unordered-list__item" key={i}>
                {t(h.on ? 'national.admin.historyOn' : 'national.admin.historyOff', {
                  date: dates.moment(h.at),
                  name: h.actor ?? t('national.admin.someone'),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="pa-section pa-prose" aria-labelledby="appoint-heading">
        <h2 className="utrecht-heading-2" id="appoint-heading">
          {t('admin.org.appoint')}
        </h2>
        <p className="utrecht-paragraph">{t('admin.org.appointIntro')}</p>
        <Form method="post" {...getFormProps(form)}>
          <ErrorSummary form={form} />
          <TextField required meta={fields.email} label={t('admin.org.email')} type="email" autoComplete="off" />
          <SubmitButton name="intent" value="appoint">
            {t('admin.org.appointSubmit')}
          </SubmitButton>
        </Form>
      </section>
    </div>
  );
}
