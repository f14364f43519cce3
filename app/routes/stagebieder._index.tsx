import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { getDb } from '~db/client.server';
import { hostOffices } from '~db/schema';
import { SubmitButton } from '~/components/form';
import { pageTitle } from '~/components/page-title';
import { ConfirmStep, confirmed } from '~/components/ui/confirm-step';
import { DataTable } from '~/components/ui/data-table';
import { ErrorSummary } from '~/components/ui/error-summary';
import { SelectField, TextAreaField, TextField } from '~/components/ui/fields';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator, useT, type Translate } from '~/i18n';
import { requireUser } from '~/modules/auth/session.server';
import { isUuid, notFound } from '~/modules/http.server';
import { municipalityOptions } from '~/modules/mentoring/networks/geography.server';
import { formatDays } from '~/modules/placements/dates';
import { academiesOfHost, hostOf, hostProfileSchema, saveHostProfile } from '~/modules/placements/hosts.server';
import { callOffAsHost, placementsOfHost, respondToPlacement } from '~/modules/placements/responses.server';
import { editSlot, offerSlot, slotHasParticipants, slotSchema, slotsOfHost, withdrawSlot } from '~/modules/placements/slots.server';

// A host's own page (issue 15 point 6): their one profile (name, office, municipality), the days they
// offer per academy, and the participants proposed to them, to accept or decline (with a reason).
// Hosts see a participant's name and municipality, nothing more. People without a host profile: 404.
// A host can change or withdraw a slot and call off a placement; withdrawing a slot someone is placed
// in, and calling a placement off, tell both people (with a calendar CANCEL) behind a confirmation step.

export const meta: MetaFunction = (args) => pageTitle(args, 'title.hostHome');

const declineSchema = (t: Translate) =>
  z.object({
    placementId: z.string().refine(isUuid, t('placements.errors.unknown')),
    reason: z
      .string({ error: t('placements.errors.reason') })
      .trim()
      .min(1, t('placements.errors.reason'))
      .max(1000),
  });

async function requireHost(request: Request) {
  const user = await requireUser(request);
  const host = await hostOf(getDb(), user.id);
  if (!host) throw notFound();
  return { user, host };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { host } = await requireHost(request);
  const locale = localeFromRequest(request);
  const db = getDb();
  const [academies, slots, proposals, municipalities] = await Promise.all([
    academiesOfHost(db, host.id),
    slotsOfHost(db, host.id),
    placementsOfHost(db, host.id),
    municipalityOptions(db),
  ]);
  const params = new URL(request.url).searchParams;
  const declining = params.get('afwijzen');
  const toDecline = proposals.find((p) => p.id === declining && p.status === 'proposed') ?? null;
  const isLive = (p: (typeof proposals)[number]) => p.status === 'proposed' || p.status === 'accepted';
  const toCallOff = proposals.find((p) => p.id === params.get('afzeggen') && isLive(p)) ?? null;
  const placedIn = (slotId: string) => proposals.filter((p) => p.slotId === slotId && isLive(p)).map((p) => p.participant ?? '—');
  const toEdit = slots.find((s) => s.id === params.get('wijzigen')) ?? null;
  const toWithdraw = slots.find((s) => s.id === params.get('intrekken')) ?? null;
  return {
    host: { name: host.name, office: host.office, municipalityCode: host.municipalityCode ?? '' },
    academies,
    slots: slots.map((s) => ({
      id: s.id,
      academy: s.academyName,
      dates: formatDays(locale, s.startsOn, s.endsOn),
      place: s.municipality,
      capacity: s.capacity,
      placed: placedIn(s.id),
    })),
    toEdit: toEdit
      ? {
          id: toEdit.id,
          academyId: toEdit.academyId,
          academy: toEdit.academyName,
          dates: formatDays(locale, toEdit.startsOn, toEdit.endsOn),
          values: {
            academyId: toEdit.academyId,
            startsOn: toEdit.startsOn,
            endsOn: toEdit.endsOn,
            municipalityCode: toEdit.municipalityCode,
            capacity: String(toEdit.capacity),
            note: toEdit.note,
          },
        }
      : null,
    toWithdraw: toWithdraw
      ? { id: toWithdraw.id, dates: formatDays(locale, toWithdraw.startsOn, toWithdraw.endsOn), placed: placedIn(toWithdraw.id) }
      : null,
    toCallOff: toCallOff
      ? { id: toCallOff.id, participant: toCallOff.participant ?? '—', dates: formatDays(locale, toCallOff.startsOn, toCallOff.endsOn) }
      : null,
    proposals: proposals.map((p) => ({
      id: p.id,
      status: p.status,
      participant: p.participant ?? '—',
      municipality: p.participantMunicipality ?? '—',
      academy: p.academyName,
      dates: formatDays(locale, p.startsOn, p.endsOn),
      declineReason: p.declineReason,
    })),
    toDecline: toDecline ? { id: toDecline.id, participant: toDecline.participant ?? '—' } : null,
    municipalities: municipalities.map((m) => ({ value: m.code, label: m.name })),
  };
}

type Answer = { form: 'profile' | 'slot' | 'edit-slot' | 'decline'; result: SubmissionResult<string[]> };

export async function action({ request }: ActionFunctionArgs) {
  const { user, host } = await requireHost(request);
  const t = translator(localeFromRequest(request));
  const db = getDb();
  const formData = await request.formData();
  const intent = formData.get('intent');
  if (intent === 'profile') {
    const submission = parseWithZod(formData, { schema: hostProfileSchema(t) });
    if (submission.status !== 'success') return data<Answer>({ form: 'profile', result: submission.reply() }, { status: 400 });
    const outcome = await saveHostProfile(db, host.id, submission.value);
    if (outcome !== 'saved') {
      return data<Answer>(
        { form: 'profile', result: submission.reply({ fieldErrors: { municipalityCode: [t('placements.errors.municipality')] } }) },
        { status: 400 },
      );
    }
    return redirectWithNotice('/stagebieder', 'notice.placements.profileSaved');
  }
  if (intent === 'slot') {
    const submission = parseWithZod(formData, { schema: slotSchema(t) });
    if (submission.status !== 'success') return data<Answer>({ form: 'slot', result: submission.reply() }, { status: 400 });
    const outcome = await offerSlot(db, host.id, submission.value);
    if (outcome === 'not-found') throw notFound();
    if (outcome === 'unknown-municipality') {
      return data<Answer>(
        { form: 'slot', result: submission.reply({ fieldErrors: { municipalityCode: [t('placements.errors.municipality')] } }) },
        { status: 400 },
      );
    }
    return redirectWithNotice('/stagebieder', 'notice.placements.slotOffered');
  }
  if (intent === 'edit-slot') {
    const slotId = formData.get('slotId');
    if (!isUuid(slotId)) throw notFound();
    const submission = parseWithZod(formData, { schema: slotSchema(t) });
    if (submission.status !== 'success') return data<Answer>({ form: 'edit-slot', result: submission.reply() }, { status: 400 });
    const outcome = await editSlot(db, host.id, slotId, submission.value);
    if (outcome === 'not-found') throw notFound();
    if (outcome !== 'saved') {
      const fieldErrors: Record<string, string[]> =
        outcome === 'below-taken'
          ? { capacity: [t('placements.errors.belowTaken')] }
          : { municipalityCode: [t('placements.errors.municipality')] };
      return data<Answer>({ form: 'edit-slot', result: submission.reply({ fieldErrors }) }, { status: 400 });
    }
    return redirectWithNotice('/stagebieder', 'notice.placements.slotChanged');
  }
  if (intent === 'withdraw-slot') {
    const slotId = formData.get('slotId');
    if (!isUuid(slotId)) throw notFound();
    // Someone is placed in it: they are told and freed, so only from the confirmation step.
    if (!confirmed(formData) && (await slotHasParticipants(db, host.id, slotId))) {
      return redirect(`/stagebieder?intrekken=${slotId}#intrekken`, 303);
    }
    const outcome = await withdrawSlot(db, { id: host.id, userId: user.id }, slotId);
    if (outcome.status === 'not-found') throw notFound();
    return redirectWithNotice(
      '/stagebieder',
      outcome.calledOff ? 'notice.placements.slotWithdrawnCalledOff' : 'notice.placements.slotWithdrawn',
    );
  }
  if (intent === 'call-off') {
    const placementId = formData.get('placementId');
    if (!isUuid(placementId)) throw notFound();
    if (!confirmed(formData)) return redirect(`/stagebieder?afzeggen=${placementId}#afzeggen`, 303);
    const outcome = await callOffAsHost(db, user.id, placementId);
    if (outcome === 'not-found') throw notFound();
    return redirectWithNotice('/stagebieder', outcome === 'called-off' ? 'notice.placements.calledOff' : 'notice.placements.notPossible');
  }
  if (intent === 'accept') {
    const placementId = formData.get('placementId');
    const outcome = await respondToPlacement(db, user.id, typeof placementId === 'string' ? placementId : '', { accept: true });
    if (outcome === 'not-found') throw notFound();
    return redirectWithNotice('/stagebieder', outcome === 'accepted' ? 'notice.placements.accepted' : 'notice.placements.notPossible');
  }
  if (intent === 'decline') {
    const submission = parseWithZod(formData, { schema: declineSchema(t) });
    if (submission.status !== 'success') return data<Answer>({ form: 'decline', result: submission.reply() }, { status: 400 });
    const outcome = await respondToPlacement(db, user.id, submission.value.placementId, { accept: false, reason: submission.value.reason });
    if (outcome === 'not-found') throw notFound();
    return redirectWithNotice('/stagebieder', outcome === 'declined' ? 'notice.placements.declined' : 'notice.placements.notPossible');
  }
  return data({ form: 'profile', result: { status: 'error', error: { '': [t('placements.errors.unknown')] } } } as Answer, { status: 400 });
}

function ProfileForm() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm<{ name: string; office: string; municipalityCode: string }>({
    id: 'host-profile',
    lastResult: answer?.form === 'profile' ? answer.result : undefined,
    defaultValue: page.host,
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <TextField meta={fields.name} label={t('placements.profile.name')} required autoComplete="name" />
      <SelectField
        meta={fields.office}
        label={t('placements.profile.office')}
        required
        options={hostOffices.map((o) => ({ value: o, label: t(`placements.office.${o}`) }))}
      />
      <SelectField
        meta={fields.municipalityCode}
        label={t('placements.profile.municipality')}
        required
        placeholder={t('placements.profile.choose')}
        options={page.municipalities}
      />
      <SubmitButton name="intent" value="profile">
        {t('placements.profile.save')}
      </SubmitButton>
    </Form>
  );
}

type SlotFields = Record<'academyId' | 'startsOn' | 'endsOn' | 'municipalityCode' | 'capacity' | 'note', string>;

/** Offering a new slot, or (with `slot`) changing one: its academy stays. */
function SlotForm({ slot }: { slot?: { id: string; academy: string; values: SlotFields } }) {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const kind = slot ? 'edit-slot' : 'slot';
  const [form, fields] = useForm<SlotFields>({
    id: slot ? 'edit-slot' : 'offer-slot',
    lastResult: answer?.form === kind ? answer.result : undefined,
    defaultValue: slot
      ? slot.values
      : {
          academyId: page.academies.length === 1 ? page.academies[0]!.id : '',
          capacity: '1',
          municipalityCode: page.host.municipalityCode,
        },
  });
  return (
    <Form method="post" action={slot ? `/stagebieder?wijzigen=${slot.id}` : undefined} {...getFormProps(form)}>
      <ErrorSummary form={form} />
      {slot ? (
        <>
          <input type="hidden" name="slotId" value={slot.id} />
          <input type="hidden" name="academyId" value={slot.values.academyId} />
          <p className="utrecht-paragraph">{t('placements.slotEdit.academy', { academy: slot.academy })}</p>
        </>
      ) : (
        <SelectField
          meta={fields.academyId}
          label={t('placements.slotForm.academy')}
          required
          options={page.academies.map((a) => ({ value: a.id, label: `${a.name} (${a.organisationName})` }))}
        />
      )}
      <TextField meta={fields.startsOn} type="date" label={t('placements.slotForm.startsOn')} required />
      <TextField
        meta={fields.endsOn}
        type="date"
        label={t('placements.slotForm.endsOn')}
        description={t('placements.slotForm.endsOnHint')}
        required
      />
      <SelectField
        meta={fields.municipalityCode}
        label={t('placements.slotForm.municipality')}
        required
        placeholder={t('placements.profile.choose')}
        options={page.municipalities}
      />
      <TextField
        meta={fields.capacity}
        type="number"
        inputMode="numeric"
        min={1}
        max={10}
        short
        label={t('placements.slotForm.capacity')}
        required
      />
      <TextAreaField meta={fields.note} label={t('placements.slotForm.note')} description={t('placements.slotForm.noteHint')} rows={3} />
      <div className="pa-button-row">
        <SubmitButton name="intent" value={kind}>
          {slot ? t('placements.slotEdit.submit') : t('placements.slotForm.submit')}
        </SubmitButton>
        {slot ? (
          <Link className="utrecht-link" to="/stagebieder">
            {t('placements.respond.keep')}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

function DeclineForm({ id, participant }: { id: string; participant: string }) {
  const t = useT();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm<{ placementId: string; reason: string }>({
    id: 'decline-placement',
    lastResult: answer?.form === 'decline' ? answer.result : undefined,
  });
  return (
    <section className="pa-action pa-action--danger" id="afwijzen" aria-labelledby="afwijzen-heading">
      <h3 className="utrecht-heading-3" id="afwijzen-heading" tabIndex={-1}>
        {t('placements.respond.declineHeading', { participant })}
      </h3>
      <Form method="post" action="/stagebieder" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <input type="hidden" name="placementId" value={id} />
        <TextAreaField
          meta={fields.reason}
          label={t('placements.respond.reason')}
          description={t('placements.respond.reasonHint')}
          required
          rows={3}
        />
        <div className="pa-button-row">
          <SubmitButton name="intent" value="decline">
            {t('placements.respond.declineConfirm')}
          </SubmitButton>
          <Link className="utrecht-link" to="/stagebieder">
            {t('placements.respond.keep')}
          </Link>
        </div>
      </Form>
    </section>
  );
}

export default function HostHome() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="pa-prose">
      <h1 className="utrecht-heading-1">{t('placements.host.title')}</h1>
      <p className="utrecht-paragraph">{t('placements.host.intro')}</p>

      <h2 className="utrecht-heading-2">{t('placements.host.proposals')}</h2>
      {page.toDecline ? <DeclineForm id={page.toDecline.id} participant={page.toDecline.participant} /> : null}
      {page.toCallOff ? (
        <ConfirmStep
          id="afzeggen"
          heading={t('placements.callOff.heading', { participant: page.toCallOff.participant })}
          intent="call-off"
          fields={{ placementId: page.toCallOff.id }}
          submit={t('placements.callOff.confirm')}
          keepTo="/stagebieder"
          keep={t('placements.callOff.keep')}
          action="/stagebieder"
        >
          <p className="utrecht-paragraph">
            {t('placements.callOff.hostBody', { participant: page.toCallOff.participant, dates: page.toCallOff.dates })}
          </p>
        </ConfirmStep>
      ) : null}
      {page.proposals.length === 0 ? (
        <p className="utrecht-paragraph">{t('placements.host.noProposals')}</p>
      ) : (
        <DataTable
          caption={t('placements.host.proposalsCaption')}
          rows={page.proposals}
          rowKey={(p) => p.id}
          columns={[
            { key: 'participant', header: t('placements.draft.participant'), rowHeader: true, cell: (p) => p.participant },
            { key: 'municipality', header: t('placements.host.livesIn'), cell: (p) => p.municipality },
            { key: 'academy', header: t('placements.slotForm.academy'), cell: (p) => p.academy },
            { key: 'dates', header: t('placements.slots.dates'), cell: (p) => p.dates },
            {
              key: 'status',
              header: t('placements.draft.status'),
              cell: (p) => (
                <>
                  {t(`placements.status.${p.status}`)}
                  {p.declineReason ? ` ${t('placements.draft.declineReason', { reason: p.declineReason })}` : ''}
                </>
              ),
            },
          ]}
          actions={{
            header: t('placements.draft.actions'),
            cell: (p) =>
              p.status === 'proposed' ? (
                <ul className="pa-plain-list">
                  <li>
                    <Form method="post" action="/stagebieder">
                      <input type="hidden" name="placementId" value={p.id} />
                      <SubmitButton name="intent" value="accept">
                        {t('placements.respond.accept', { participant: p.participant })}
                      </SubmitButton>
                    </Form>
                  </li>
                  <li>
                    <Link className="utrecht-link" to={`/stagebieder?afwijzen=${p.id}#afwijzen`}>
                      {t('placements.respond.decline', { participant: p.participant })}
                    </Link>
                  </li>
                </ul>
              ) : p.status === 'accepted' ? (
                <Link className="utrecht-link" to={`/stagebieder?afzeggen=${p.id}#afzeggen`}>
                  {t('placements.callOff.linkFor', { participant: p.participant })}
                </Link>
              ) : null,
          }}
        />
      )}

      <h2 className="utrecht-heading-2">{t('placements.host.slots')}</h2>
      {page.slots.length === 0 ? (
        <p className="utrecht-paragraph">{t('placements.slots.none')}</p>
      ) : (
        <DataTable
          caption={t('placements.host.slotsCaption')}
          rows={page.slots}
          rowKey={(s) => s.id}
          columns={[
            { key: 'dates', header: t('placements.slots.dates'), rowHeader: true, cell: (s) => s.dates },
            { key: 'academy', header: t('placements.slotForm.academy'), cell: (s) => s.academy },
            { key: 'place', header: t('placements.slots.place'), cell: (s) => s.place },
            { key: 'capacity', header: t('placements.slots.capacity'), numeric: true, cell: (s) => s.capacity },
            { key: 'placed', header: t('placements.slotEdit.placed'), cell: (s) => s.placed.join(', ') },
          ]}
          actions={{
            header: t('placements.draft.actions'),
            cell: (s) => (
              <ul className="pa-plain-list">
                <li>
                  <Link className="utrecht-link" to={`/stagebieder?wijzigen=${s.id}#plek-wijzigen`}>
                    {t('placements.slotEdit.linkFor', { dates: s.dates })}
                  </Link>
                </li>
                <li>
                  {s.placed.length ? (
                    <Link className="utrecht-link" to={`/stagebieder?intrekken=${s.id}#intrekken`}>
                      {t('placements.slotWithdraw.linkFor', { dates: s.dates })}
                    </Link>
                  ) : (
                    <Form method="post" action="/stagebieder">
                      <input type="hidden" name="slotId" value={s.id} />
                      <SubmitButton name="intent" value="withdraw-slot">
                        {t('placements.slotWithdraw.linkFor', { dates: s.dates })}
                      </SubmitButton>
                    </Form>
                  )}
                </li>
              </ul>
            ),
          }}
        />
      )}
      {page.toWithdraw ? (
        <ConfirmStep
          id="intrekken"
          heading={t('placements.slotWithdraw.heading', { dates: page.toWithdraw.dates })}
          intent="withdraw-slot"
          fields={{ slotId: page.toWithdraw.id }}
          submit={t('placements.slotWithdraw.confirm')}
          keepTo="/stagebieder"
          keep={t('placements.slotWithdraw.keep')}
          action="/stagebieder"
        >
          <p className="utrecht-paragraph">{t('placements.slotWithdraw.body', { participants: page.toWithdraw.placed.join(', ') })}</p>
        </ConfirmStep>
      ) : null}
      {page.toEdit ? (
        <section className="pa-action" aria-labelledby="plek-wijzigen">
          <h3 className="utrecht-heading-3" id="plek-wijzigen" tabIndex={-1} autoFocus>
            {t('placements.slotEdit.heading', { dates: page.toEdit.dates })}
          </h3>
          <p className="utrecht-paragraph">{t('placements.slotEdit.intro')}</p>
          <SlotForm key={page.toEdit.id} slot={page.toEdit} />
        </section>
      ) : null}
      {page.academies.length > 0 ? (
        <>
          <h3 className="utrecht-heading-3">{t('placements.slotForm.heading')}</h3>
          <SlotForm key={page.host.municipalityCode} />
        </>
      ) : null}

      <h2 className="utrecht-heading-2">{t('placements.profile.heading')}</h2>
      <p className="utrecht-paragraph">{t('placements.profile.intro')}</p>
      <ProfileForm />
    </div>
  );
}
