import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { pageTitle } from '~/components/page-title';
import { ConfirmStep, confirmed } from '~/components/ui/confirm-step';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { requireUser } from '~/modules/auth/session.server';
import { isUuid, notFound } from '~/modules/http.server';
import { municipalityOptions } from '~/modules/mentoring/networks/geography.server';
import { formatDays } from '~/modules/placements/dates';
import { academiesOfHost, hostOf, hostProfileSchema, saveHostProfile } from '~/modules/placements/hosts.server';
import { callOffAsHost, placementsOfHost, respondToPlacement } from '~/modules/placements/responses.server';
import { declineSchema } from '~/modules/placements/schemas';
import { editSlot, offerSlot, slotHasParticipants, slotSchema, slotsOfHost, withdrawSlot } from '~/modules/placements/slots.server';
import type { Answer } from './answer';
import { DeclineStep } from './decline-step';
import { ProfileForm } from './profile-form';
import { SlotForm } from './slot-form';
import { ProposalsTable, SlotsTable } from './tables';

// A host's own page (issue 15 point 6): their one profile (name, office, municipality), the days they
// offer per academy, and the participants proposed to them, to accept or decline (with a reason).
// Hosts see a participant's name and municipality, nothing more. People without a host profile: 404.
// A host can change or withdraw a slot and call off a placement; withdrawing a slot someone is placed
// in, and calling a placement off, tell both people (with a calendar CANCEL) behind a confirmation step.
// The page's parts sit beside this file: the forms (profile, slot, the step for saying no) and the two tables.

export const meta: MetaFunction = (args) => pageTitle(args, 'title.hostHome');

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

export default function HostHome() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="pa-prose">
      <h1 className="utrecht-heading-1">{t('placements.host.title')}</h1>
      <p className="utrecht-paragraph">{t('placements.host.intro')}</p>

      <h2 className="utrecht-heading-2">{t('placements.host.proposals')}</h2>
      {page.toDecline ? <DeclineStep id={page.toDecline.id} participant={page.toDecline.participant} /> : null}
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
      <ProposalsTable proposals={page.proposals} />

      <h2 className="utrecht-heading-2">{t('placements.host.slots')}</h2>
      <SlotsTable slots={page.slots} />
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
