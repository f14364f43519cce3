import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { pageTitle } from '~/components/page-title';
import { InvitationList } from '~/components/invitation-list';
import { RunPolling } from '~/components/run-polling';
import { DataTable } from '~/components/ui/data-table';
import { ErrorSummary } from '~/components/ui/error-summary';
import { TextField } from '~/components/ui/fields';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { isUuid, notFound } from '~/modules/http.server';
import { academyOf } from '~/modules/organisations/academies.server';
import { requireCoordinator, scopeOf } from '~/modules/organisations/guards.server';
import {
  placementOverview,
  publishPlacements,
  removePlacementRule,
  setPlacementRule,
  startPlacementRun,
} from '~/modules/placements/assignment.server';
import { formatDays } from '~/modules/placements/dates';
import { hostInviteSchema, hostsOfAcademy, inviteHost } from '~/modules/placements/hosts.server';
import { slotsOfAcademy } from '~/modules/placements/slots.server';

// The academy's job-shadowing placements for its coordinator (issue 15 point 6, ADR 018): invite
// hosts, see the slots they offer, run the assignment (a job, as matching runs), read the draft with
// scores and reasons, pin or forbid pairs, publish. Every other academy id is a 404.

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.academyPlacements', args.data ? { academy: args.data.academy.name } : null);

async function academyOfCoordinator(request: Request, id: string | undefined) {
  const coordinator = await requireCoordinator(request);
  const academy = await academyOf(getDb(), scopeOf(coordinator).organisationIds, id ?? '');
  if (!academy) throw notFound();
  const organisation = coordinator.organisations.find((o) => o.id === academy.organisationId)!;
  return { coordinator, academy, organisation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { academy, organisation } = await academyOfCoordinator(request, params.id);
  const locale = localeFromRequest(request);
  const db = getDb();
  const [hosts, slots, overview] = await Promise.all([
    hostsOfAcademy(db, academy.id),
    slotsOfAcademy(db, academy.id),
    placementOverview(db, academy.id),
  ]);
  const pinned = new Set(overview.rules.filter((r) => r.kind === 'pin').map((r) => `${r.applicationId}:${r.slotId}`));
  const slotLabel = (s: { hostName: string; startsOn: string; endsOn: string; municipality: string }) =>
    `${s.hostName}, ${s.municipality}, ${formatDays(locale, s.startsOn, s.endsOn)}`;
  return {
    academy: { id: academy.id, name: academy.name },
    organisation: { id: organisation.id, name: organisation.name },
    hosts: hosts.hosts,
    invitations: hosts.invitations,
    slots: slots.map((s) => ({
      id: s.id,
      host: s.hostName,
      office: s.hostOffice,
      place: s.municipality,
      dates: formatDays(locale, s.startsOn, s.endsOn),
      capacity: s.capacity,
    })),
    run: overview.run ? { id: overview.run.id, status: overview.run.status, stats: overview.run.stats, error: overview.run.error } : null,
    placements: overview.placements.map((p) => ({
      id: p.id,
      status: p.status,
      applicationId: p.applicationId,
      slotId: p.slotId,
      participant: p.participant,
      slot: slotLabel({ hostName: p.hostName, startsOn: p.startsOn, endsOn: p.endsOn, municipality: p.municipality }),
      score: p.score,
      reasons: p.reasons.map((r) => (locale === 'en' ? r.en : r.nl)),
      declineReason: p.declineReason,
      pinned: pinned.has(`${p.applicationId}:${p.slotId}`),
    })),
    unplaced: overview.unplaced,
    rules: overview.rules.map((r) => {
      const slot = slots.find((s) => s.id === r.slotId);
      return {
        ...r,
        participant: overview.participants.find((p) => p.id === r.applicationId)?.name ?? '—',
        slot: slot ? slotLabel(slot) : '—',
      };
    }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { coordinator, academy, organisation } = await academyOfCoordinator(request, params.id);
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const db = getDb();
  const formData = await request.formData();
  const intent = formData.get('intent');
  const here = `/beheer/academies/${academy.id}/meeloopstages`;
  if (intent === 'invite') {
    const submission = parseWithZod(formData, { schema: hostInviteSchema(t) });
    if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
    const outcome = await inviteHost(
      db,
      { academy, organisationName: organisation.name, invitedBy: { id: coordinator.user.id, name: coordinator.user.name }, locale },
      submission.value,
    );
    if (outcome !== 'invited') {
      return data(
        submission.reply({
          fieldErrors: { email: [t(outcome === 'already-host' ? 'placements.errors.alreadyHost' : 'placements.errors.alreadyInvited')] },
        }),
        {
          status: 400,
        },
      );
    }
    return redirectWithNotice(here, 'notice.placements.invited');
  }
  if (intent === 'run') {
    const outcome = await startPlacementRun(db, academy.id, coordinator.user.id);
    return redirectWithNotice(here, outcome.status === 'started' ? 'notice.placements.started' : 'notice.placements.busy');
  }
  const applicationId = formData.get('applicationId');
  const slotId = formData.get('slotId');
  if (intent === 'pin' || intent === 'forbid' || intent === 'unrule') {
    if (!isUuid(applicationId) || !isUuid(slotId)) return data({ error: 'bad-pair' }, { status: 400 });
    if (intent === 'unrule') {
      await removePlacementRule(db, academy.id, { applicationId, slotId });
      return redirectWithNotice(here, 'notice.placements.ruleRemoved');
    }
    const outcome = await setPlacementRule(db, academy.id, { applicationId, slotId, kind: intent }, coordinator.user.id);
    if (outcome === 'not-found') throw notFound();
    return redirectWithNotice(here, intent === 'pin' ? 'notice.placements.pinned' : 'notice.placements.forbidden');
  }
  if (intent === 'publish') {
    const runId = formData.get('runId');
    if (!isUuid(runId)) return data({ error: 'bad-run' }, { status: 400 });
    const outcome = await publishPlacements(db, academy.id, runId);
    if (outcome.status !== 'published') return redirectWithNotice(here, 'notice.placements.notDraft');
    return redirectWithNotice(here, 'notice.placements.published', { count: outcome.proposed });
  }
  return data({ error: 'unknown' }, { status: 400 });
}

function InviteForm() {
  const t = useT();
  const answer = useActionData<typeof action>();
  const lastResult = answer && 'status' in answer ? answer : undefined;
  const [form, fields] = useForm<{ name: string; email: string }>({ id: 'invite-host', lastResult, shouldRevalidate: 'onBlur' });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <TextField meta={fields.name} label={t('placements.invite.name')} required autoComplete="off" />
      <TextField meta={fields.email} type="email" label={t('placements.invite.email')} required autoComplete="off" />
      <SubmitButton name="intent" value="invite">
        {t('placements.invite.submit')}
      </SubmitButton>
    </Form>
  );
}

function RunProgress() {
  const t = useT();
  return (
    <>
      <RunPolling />
      <p className="utrecht-paragraph" role="status">
        {t('placements.run.working')}
      </p>
    </>
  );
}

export default function AcademyPlacements() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const here = `/beheer/academies/${page.academy.id}/meeloopstages`;
  const working = page.run && (page.run.status === 'queued' || page.run.status === 'running');
  const draft = page.run?.status === 'draft' ? page.run : null;
  return (
    <div className="pa-manage pa-prose">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/beheer/academies/${page.academy.id}`}>
          {t('placements.manage.back', { academy: page.academy.name })}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('placements.manage.title', { academy: page.academy.name })}</h1>
      <p className="utrecht-paragraph">{t('placements.manage.intro')}</p>

      <h2 className="utrecht-heading-2">{t('placements.hosts.heading')}</h2>
      {page.hosts.length === 0 ? (
        <p className="utrecht-paragraph">{t('placements.hosts.none')}</p>
      ) : (
        <DataTable
          caption={t('placements.hosts.caption')}
          rows={page.hosts}
          rowKey={(h) => h.id}
          columns={[
            { key: 'name', header: t('placements.hosts.name'), rowHeader: true, cell: (h) => h.name },
            { key: 'office', header: t('placements.hosts.office'), cell: (h) => t(`placements.office.${h.office}`) },
            { key: 'place', header: t('placements.hosts.municipality'), cell: (h) => h.municipality ?? '—' },
          ]}
        />
      )}
      {page.invitations.length > 0 ? (
        <>
          <h3 className="utrecht-heading-3">{t('placements.hosts.invited')}</h3>
          <InvitationList invitations={page.invitations} withNames />
        </>
      ) : null}
      <h3 className="utrecht-heading-3">{t('placements.invite.heading')}</h3>
      <InviteForm />

      <h2 className="utrecht-heading-2">{t('placements.slots.heading')}</h2>
      {page.slots.length === 0 ? (
        <p className="utrecht-paragraph">{t('placements.slots.none')}</p>
      ) : (
        <DataTable
          caption={t('placements.slots.caption')}
          rows={page.slots}
          rowKey={(s) => s.id}
          columns={[
            {
              key: 'host',
              header: t('placements.slots.host'),
              rowHeader: true,
              cell: (s) => `${s.host} (${t(`placements.office.${s.office}`)})`,
            },
            { key: 'dates', header: t('placements.slots.dates'), cell: (s) => s.dates },
            { key: 'place', header: t('placements.slots.place'), cell: (s) => s.place },
            { key: 'capacity', header: t('placements.slots.capacity'), numeric: true, cell: (s) => s.capacity },
          ]}
        />
      )}

      <h2 className="utrecht-heading-2">{t('placements.run.heading')}</h2>
      <p className="utrecht-paragraph">{t('placements.run.intro')}</p>
      {working ? <RunProgress /> : null}
      {page.run?.status === 'failed' ? <p className="utrecht-paragraph">{t('placements.run.failed')}</p> : null}
      {!working ? (
        <Form method="post">
          <SubmitButton name="intent" value="run">
            {t('placements.run.start')}
          </SubmitButton>
        </Form>
      ) : null}
      {draft?.stats ? (
        <p className="utrecht-paragraph">{t('placements.run.stats', { count: draft.stats.participants, placed: draft.stats.placed })}</p>
      ) : null}
      {page.placements.length > 0 ? (
        <DataTable
          caption={draft ? t('placements.draft.caption') : t('placements.draft.publishedCaption')}
          stack="wide"
          rows={page.placements}
          rowKey={(p) => p.id}
          columns={[
            { key: 'participant', header: t('placements.draft.participant'), rowHeader: true, cell: (p) => p.participant },
            { key: 'slot', header: t('placements.draft.slot'), cell: (p) => p.slot },
            {
              key: 'score',
              header: t('placements.draft.score'),
              numeric: true,
              cell: (p) => t('placements.draft.scoreOf', { score: p.score }),
            },
            {
              key: 'reasons',
              header: t('placements.draft.reasons'),
              cell: (p) =>
                p.reasons.length ? (
                  <ul className="pa-plain-list">
                    {p.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                ) : (
                  t('placements.draft.noReasons')
                ),
            },
            {
              key: 'status',
              header: t('placements.draft.status'),
              cell: (p) => (
                <>
                  {t(`placements.status.${p.status}`)}
                  {p.pinned ? ` (${t('placements.draft.pinned')})` : ''}
                  {p.declineReason ? ` ${t('placements.draft.declineReason', { reason: p.declineReason })}` : ''}
                </>
              ),
            },
          ]}
          actions={
            draft
              ? {
                  header: t('placements.draft.actions'),
                  cell: (p) =>
                    p.status === 'draft' ? (
                      <Form method="post" className="pa-button-row">
                        <input type="hidden" name="applicationId" value={p.applicationId} />
                        <input type="hidden" name="slotId" value={p.slotId} />
                        {p.pinned ? null : (
                          <SubmitButton name="intent" value="pin">
                            {t('placements.draft.pin', { participant: p.participant })}
                          </SubmitButton>
                        )}
                        <SubmitButton name="intent" value="forbid">
                          {t('placements.draft.forbid', { participant: p.participant })}
                        </SubmitButton>
                      </Form>
                    ) : null,
                }
              : undefined
          }
        />
      ) : null}
      {page.run && !working && page.unplaced.length > 0 ? (
        <>
          <h3 className="utrecht-heading-3">{t('placements.draft.unplacedHeading')}</h3>
          <ul className="utrecht-unordered-list">
            {page.unplaced.map((p) => (
              <li key={p.id} className="utrecht-unordered-list__item">
                {p.name}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {draft ? (
        <Form method="post">
          <input type="hidden" name="runId" value={draft.id} />
          <p className="utrecht-paragraph">{t('placements.draft.publishHint')}</p>
          <SubmitButton name="intent" value="publish">
            {t('placements.draft.publish')}
          </SubmitButton>
        </Form>
      ) : null}
      {page.rules.length > 0 ? (
        <>
          <h3 className="utrecht-heading-3">{t('placements.rules.heading')}</h3>
          <DataTable
            caption={t('placements.rules.caption')}
            rows={page.rules}
            rowKey={(r) => `${r.applicationId}:${r.slotId}`}
            columns={[
              { key: 'participant', header: t('placements.draft.participant'), rowHeader: true, cell: (r) => r.participant },
              { key: 'slot', header: t('placements.draft.slot'), cell: (r) => r.slot },
              { key: 'kind', header: t('placements.rules.kind'), cell: (r) => t(`placements.rules.${r.kind}`) },
            ]}
            actions={{
              header: t('placements.draft.actions'),
              cell: (r) => (
                <Form method="post" action={here}>
                  <input type="hidden" name="applicationId" value={r.applicationId} />
                  <input type="hidden" name="slotId" value={r.slotId} />
                  <SubmitButton name="intent" value="unrule">
                    {t('placements.rules.remove', { participant: r.participant })}
                  </SubmitButton>
                </Form>
              ),
            }}
          />
        </>
      ) : null}
    </div>
  );
}
