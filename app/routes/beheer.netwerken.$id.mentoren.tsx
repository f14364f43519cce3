import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { FormAlert, SubmitButton } from '~/components/form';
import type { NoticeKey } from '~/components/ui/notice-key';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { PendingInvitations } from '~/components/invitation-list';
import { Hidden } from '~/components/manage-courses';
import { ErrorSummary } from '~/components/ui/error-summary';
import { TextField } from '~/components/ui/fields';
import { MentorTable } from '~/components/network-nav';
import { localeFromRequest, translator, useT } from '~/i18n';
import { requireNetworkOfCoordinator } from '~/modules/mentoring/guards.server';
import { inviteMentor, removeMentor, resendInvitation, revokeInvitation } from '~/modules/mentoring/networks/invitations.server';
import { inviteSchema, type InviteFields } from '~/modules/mentoring/networks/schemas';
import { useBrowserValidation } from '~/components/ui/validation';
import { mentorsOfNetwork, pendingInvitations } from '~/modules/mentoring/networks/overview.server';
import { notFound } from '~/modules/http.server';
import { pageTitle } from '~/components/page-title';
import { ConfirmStep, confirmed } from '~/components/ui/confirm-step';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.networkMentors', args.data ? { network: args.data.network.name } : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { network, organisation } = await requireNetworkOfCoordinator(request, params.id);
  const db = getDb();
  const [mentors, invitations] = await Promise.all([mentorsOfNetwork(db, network.id), pendingInvitations(db, network.id)]);
  // The confirmation steps: `?verwijderen=<mentor profile id>` and `?intrekken=<invitation id>`.
  const url = new URL(request.url);
  const toRemove = mentors.find((m) => m.profileId === url.searchParams.get('verwijderen'));
  const toRevoke = invitations.find((i) => i.id === url.searchParams.get('intrekken'));
  return {
    network: { id: network.id, name: network.name, organisationName: organisation.name },
    mentors,
    invitations,
    toRemove: toRemove ? { profileId: toRemove.profileId, name: toRemove.name } : null,
    toRevoke: toRevoke ? { id: toRevoke.id, name: toRevoke.name, email: toRevoke.email } : null,
  };
}

type Answer = { intent: string; result?: SubmissionResult<string[]>; message?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { network, organisation, user } = await requireNetworkOfCoordinator(request, params.id);
  const db = getDb();
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const id = String(formData.get('id') ?? '');
  const ctx = {
    network: { id: network.id, name: network.name },
    organisationName: organisation.name,
    invitedBy: { id: user.id, name: user.name },
    locale,
  };
  const base = `/beheer/netwerken/${network.id}/mentoren`;
  const done = (key: NoticeKey) => redirectWithNotice(base, key);
  const refuse = (value: Answer) => data(value, { status: 400 });

  switch (intent) {
    case 'invite': {
      const submission = parseWithZod(formData, { schema: inviteSchema(t), disableAutoCoercion: true });
      if (submission.status !== 'success') return refuse({ intent, result: submission.reply() });
      const outcome = await inviteMentor(db, ctx, submission.value);
      if (outcome.status !== 'invited') {
        const message = outcome.status === 'already-mentor' ? t('networks.errors.alreadyMentor') : t('networks.errors.alreadyInvited');
        return refuse({ intent, result: submission.reply({ fieldErrors: { email: [message] } }) });
      }
      return done('notice.network.invited');
    }
    case 'resend': {
      if ((await resendInvitation(db, ctx, id)) === 'not-found') throw notFound();
      return done('notice.network.resent');
    }
    case 'revoke': {
      // Only the confirmation step's button (confirm=yes) revokes; anything else goes to that step.
      if (!confirmed(formData)) {
        if (!(await pendingInvitations(db, network.id)).some((i) => i.id === id)) throw notFound();
        return redirect(`${base}?intrekken=${encodeURIComponent(id)}#intrekken`, 303);
      }
      if ((await revokeInvitation(db, network.id, id)) === 'not-found') throw notFound();
      return done('notice.network.revoked');
    }
    case 'remove-mentor': {
      if (!confirmed(formData)) {
        if (!(await mentorsOfNetwork(db, network.id)).some((m) => m.profileId === id)) throw notFound();
        return redirect(`${base}?verwijderen=${encodeURIComponent(id)}#verwijderen`, 303);
      }
      const outcome = await removeMentor(db, network.id, id);
      if (outcome === 'not-found') throw notFound();
      if (outcome === 'live-matches') return refuse({ intent, message: t('networks.errors.liveMatches') });
      return done('notice.network.mentorRemoved');
    }
  }
  return refuse({ intent, message: t('networks.errors.unknownAction') });
}

export default function NetworkMentors() {
  const t = useT();
  const { network, mentors, invitations, toRemove, toRevoke } = useLoaderData<typeof loader>();
  const base = `/beheer/netwerken/${network.id}/mentoren`;
  const acted = useActionData<typeof action>();
  // A new location after each redirect: the invite form starts empty again after a sent invitation.
  const { key } = useLocation();
  return (
    <div>
      {acted?.message ? <FormAlert messages={[acted.message]} /> : null}
      {toRemove ? (
        <ConfirmStep
          id="verwijderen"
          heading={t('networks.mentors.removeHeading', { name: toRemove.name })}
          intent="remove-mentor"
          fields={{ id: toRemove.profileId }}
          submit={t('networks.mentors.removeSubmit')}
          keepTo={base}
          keep={t('networks.mentors.keepMentor')}
          action={base}
        >
          <p className="utrecht-paragraph">{t('networks.mentors.removeBody', { name: toRemove.name })}</p>
        </ConfirmStep>
      ) : null}

      <section className="pa-section pa-prose" aria-labelledby="invite-heading">
        <h2 className="utrecht-heading-2" id="invite-heading">
          {t('networks.mentors.invite')}
        </h2>
        <p className="utrecht-paragraph">{t('networks.mentors.inviteIntro')}</p>
        <InviteForm key={key} lastResult={acted?.intent === 'invite' ? acted.result : undefined} />
      </section>

      <PendingInvitations
        heading={t('networks.overview.invitations', { count: invitations.length })}
        empty={t('networks.mentors.noInvitations')}
        level={2}
        base={base}
        invitations={invitations}
        withNames
        resend
        revoke={{
          invitation: toRevoke,
          heading: toRevoke ? t('networks.mentors.revokeHeading', { name: toRevoke.name }) : '',
          body: toRevoke ? t('networks.mentors.revokeBody', { name: toRevoke.name, email: toRevoke.email }) : '',
          submit: t('networks.mentors.revokeSubmit'),
          keep: t('networks.mentors.keepInvitation'),
        }}
      />

      <section className="pa-section" aria-labelledby="mentors-heading">
        <h2 className="utrecht-heading-2" id="mentors-heading">
          {t('networks.overview.mentors', { count: mentors.length })}
        </h2>
        <p className="utrecht-paragraph">{t('networks.overview.capacityHint')}</p>
        {mentors.length === 0 ? (
          <p className="utrecht-paragraph">{t('networks.mentors.none')}</p>
        ) : (
          <MentorTable
            mentors={mentors}
            actions={(m) => (
              <Link className="utrecht-link" to={`${base}?verwijderen=${m.profileId}#verwijderen`}>
                {t('networks.mentors.remove')}
                <Hidden> {m.name}</Hidden>
              </Link>
            )}
          />
        )}
      </section>
    </div>
  );
}

function InviteForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const [form, fields] = useForm<InviteFields>({
    id: 'invite',
    lastResult,
    ...useBrowserValidation(() => inviteSchema(t), [t.locale], { disableAutoCoercion: true }),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <TextField meta={fields.name} label={t('networks.mentors.name')} required />
      <TextField meta={fields.email} type="email" label={t('networks.mentors.email')} required />
      <SubmitButton name="intent" value="invite">
        {t('networks.mentors.inviteSubmit')}
      </SubmitButton>
    </Form>
  );
}
