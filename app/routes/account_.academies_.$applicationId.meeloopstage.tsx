import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';
import { ErrorSummary } from '~/components/ui/error-summary';
import { useBrowserValidation } from '~/components/ui/validation';
import { SelectField } from '~/components/ui/fields';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { requireUser } from '~/modules/auth/session.server';
import { notFound } from '~/modules/http.server';
import { formatDays } from '~/modules/placements/dates';
import { preferencesSchema, rankField } from '~/modules/placements/schemas';
import { placementsOfParticipant } from '~/modules/placements/responses.server';
import { participationOf, preferencesOf, savePreferences, slotsOfAcademy } from '~/modules/placements/slots.server';

// A participant's job-shadowing placement (issue 15 point 6): rank the academy's slots (first choice
// first), and see the placement once it is proposed to the host or accepted. Only for the person's
// own accepted application (their place in the cohort); every other id is a 404.

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.myPlacement', args.data ? { academy: args.data.academyName } : null);

async function participation(request: Request, applicationId: string | undefined) {
  const user = await requireUser(request);
  const found = await participationOf(getDb(), user.id, applicationId);
  if (!found) throw notFound();
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const p = await participation(request, params.applicationId);
  const locale = localeFromRequest(request);
  const db = getDb();
  const [slots, preferences, placements] = await Promise.all([
    slotsOfAcademy(db, p.academyId),
    preferencesOf(db, p.applicationId),
    placementsOfParticipant(db, p.applicationId),
  ]);
  const rank = new Map(preferences.map((r) => [r.slotId, r.rank]));
  return {
    applicationId: p.applicationId,
    academyName: p.academyName,
    slots: slots.map((s) => ({
      id: s.id,
      field: rankField(s.id),
      host: s.hostName,
      office: s.hostOffice,
      place: s.municipality,
      dates: formatDays(locale, s.startsOn, s.endsOn),
      note: s.note,
      rank: rank.get(s.id) ?? null,
    })),
    placements: placements.map((x) => ({
      id: x.id,
      status: x.status,
      host: x.hostName,
      office: x.hostOffice,
      place: x.municipality,
      dates: formatDays(locale, x.startsOn, x.endsOn),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const p = await participation(request, params.applicationId);
  const t = translator(localeFromRequest(request));
  const db = getDb();
  const slots = await slotsOfAcademy(db, p.academyId);
  const submission = parseWithZod(await request.formData(), {
    schema: preferencesSchema(
      t,
      slots.map((s) => s.id),
    ),
  });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  const values = submission.value as Record<string, number | null>;
  const ranks = slots.flatMap((s) => {
    const rank = values[rankField(s.id)];
    return typeof rank === 'number' ? [{ slotId: s.id, rank }] : [];
  });
  await savePreferences(db, p, ranks);
  return redirectWithNotice(`/account/academies/${p.applicationId}/meeloopstage`, 'notice.placements.preferencesSaved');
}

export default function MyPlacement() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: 'placement-preferences',
    lastResult,
    defaultValue: Object.fromEntries(page.slots.map((s) => [s.field, s.rank === null ? '' : String(s.rank)])),
    ...useBrowserValidation(
      () =>
        preferencesSchema(
          t,
          page.slots.map((s) => s.id),
        ),
      [t.locale, page.slots],
    ),
  });
  const rankOptions = page.slots.map((_, i) => ({ value: String(i + 1), label: t('placements.preferences.choice', { rank: i + 1 }) }));
  return (
    <div className="pa-prose">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/account/academies">
          {t('academyMine.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('placements.preferences.title', { academy: page.academyName })}</h1>
      {page.placements.length > 0 ? (
        <DataTable
          caption={t('placements.preferences.yoursCaption')}
          rows={page.placements}
          rowKey={(x) => x.id}
          columns={[
            {
              key: 'host',
              header: t('placements.slots.host'),
              rowHeader: true,
              cell: (x) => `${x.host} (${t(`placements.office.${x.office}`)})`,
            },
            { key: 'dates', header: t('placements.slots.dates'), cell: (x) => x.dates },
            { key: 'place', header: t('placements.slots.place'), cell: (x) => x.place },
            { key: 'status', header: t('placements.draft.status'), cell: (x) => t(`placements.participantStatus.${x.status}`) },
          ]}
        />
      ) : null}
      <h2 className="utrecht-heading-2">{t('placements.preferences.heading')}</h2>
      {page.slots.length === 0 ? (
        <p className="utrecht-paragraph">{t('placements.preferences.noSlots')}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('placements.preferences.intro')}</p>
          <Form method="post" {...getFormProps(form)}>
            <ErrorSummary form={form} />
            {page.slots.map((s) => (
              <SelectField
                key={s.id}
                meta={fields[s.field]!}
                label={t('placements.preferences.slotLabel', {
                  host: s.host,
                  office: t(`placements.office.${s.office}`),
                  place: s.place,
                  dates: s.dates,
                })}
                description={s.note || undefined}
                placeholder={t('placements.preferences.noChoice')}
                options={rankOptions}
              />
            ))}
            <SubmitButton>{t('placements.preferences.save')}</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}
