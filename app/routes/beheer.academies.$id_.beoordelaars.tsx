import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { AcademyHeader } from '~/components/academy-nav';
import { FormAlert, SubmitButton } from '~/components/form';
import { PendingInvitations } from '~/components/invitation-list';
import { Hidden } from '~/components/manage-courses';
import { pageTitle } from '~/components/page-title';
import { ConfirmStep, confirmed } from '~/components/ui/confirm-step';
import { DataTable } from '~/components/ui/data-table';
import { ErrorSummary } from '~/components/ui/error-summary';
import { TextField } from '~/components/ui/fields';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator, useT } from '~/i18n';
import { reviewerInviteSchema } from '~/modules/academies/forms.server';
import { requireAcademyOfCoordinator } from '~/modules/academies/guards.server';
import { inviteReviewer, removeReviewer, reviewersOf, revokeReviewerInvitation } from '~/modules/academies/reviewers.server';
import { notFound } from '~/modules/http.server';

// The reviewers of an academy (ADR 018): invite by email, see open invitations and who reviews,
// withdraw an invitation or remove a reviewer after a confirmation step.

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.academyReviewers', args.data ? { academy: args.data.academy.name } : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { academy, organisation } = await requireAcademyOfCoordinator(request, params.id);
  const { reviewers, invitations } = await reviewersOf(getDb(), academy.id);
  // The confirmation steps: `?intrekken=<invitation id>` and `?weghalen=<user id>`.
  const url = new URL(request.url);
  const toRevoke = invitations.find((i) => i.id === url.searchParams.get('intrekken'));
  const toRemove = reviewers.find((r) => r.id === url.searchParams.get('weghalen'));
  return {
    academy: { id: academy.id, name: academy.name, organisationId: organisation.id, organisationName: organisation.name },
    reviewers,
    invitations,
    toRevoke: toRevoke ?? null,
    toRemove: toRemove ?? null,
  };
}

type Answer = { result?: SubmissionResult<string[]>; message?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { academy, organisation, user } = await requireAcademyOfCoordinator(request, params.id);
  const db = getDb();
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const id = String(formData.get('id') ?? '');
  const base = `/beheer/academies/${academy.id}/beoordelaars`;

  if (intent === 'invite') {
    const submission = parseWithZod(formData, { schema: reviewerInviteSchema(t) });
    if (submission.status !== 'success') return data<Answer>({ result: submission.reply() }, { status: 400 });
    const outcome = await inviteReviewer(
      db,
      {
        academy: { id: academy.id, name: academy.name },
        organisationName: organisation.name,
        invitedBy: { id: user.id, name: user.name },
        locale,
      },
      submission.value.email,
    );
    if (outcome !== 'invited') {
      const message = t(outcome === 'already-reviewer' ? 'academyReviewers.alreadyReviewer' : 'academyReviewers.alreadyInvited');
      return data<Answer>({ result: submission.reply({ fieldErrors: { email: [message] } }) }, { status: 409 });
    }
    return redirectWithNotice(base, 'notice.academyReviewer.invited');
  }
  if (intent === 'revoke') {
    // Only the confirmation step's button (confirm=yes) acts; anything else goes to that step.
    if (!confirmed(formData)) return redirect(`${base}?intrekken=${encodeURIComponent(id)}#intrekken`, 303);
    if ((await revokeReviewerInvitation(db, academy.id, id)) === 'not-found') throw notFound();
    return redirectWithNotice(base, 'notice.academyReviewer.revoked');
  }
  if (intent === 'remove') {
    if (!confirmed(formData)) return redirect(`${base}?weghalen=${encodeURIComponent(id)}#weghalen`, 303);
    if ((await removeReviewer(db, academy.id, id)) === 'not-found') throw notFound();
    return redirectWithNotice(base, 'notice.academyReviewer.removed');
  }
  return data<Answer>({ message: t('networks.errors.unknownAction') }, { status: 400 });
}

export default function AcademyReviewers() {
  const t = useT();
  const { academy, reviewers, invitations, toRevoke, toRemove } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>() as Answer | undefined;
  const base = `/beheer/academies/${academy.id}/beoordelaars`;
  // A new location after each redirect: the invite form starts empty again after a sent invitation.
  const { key } = useLocation();
  return (
    <div className="pa-manage">
      <AcademyHeader academy={academy} />
      <h2 className="utrecht-heading-2">{t('academyNav.reviewers')}</h2>
      <p className="utrecht-paragraph">{t('academyReviewers.intro')}</p>
      {acted?.message ? <FormAlert messages={[acted.message]} /> : null}
      {toRemove ? (
        <ConfirmStep
          id="weghalen"
          heading={t('academyReviewers.removeHeading', { name: toRemove.name })}
          intent="remove"
          fields={{ id: toRemove.id }}
          submit={t('academyReviewers.removeSubmit')}
          keepTo={base}
          keep={t('academyReviewers.keepReviewer')}
          action={base}
        >
          <p className="utrecht-paragraph">{t('academyReviewers.removeBody', { name: toRemove.name })}</p>
        </ConfirmStep>
      ) : null}

      <section className="pa-section pa-prose" aria-labelledby="invite-heading">
        <h3 className="utrecht-heading-3" id="invite-heading">
          {t('academyReviewers.invite')}
        </h3>
        <InviteForm key={key} lastResult={acted?.result} />
      </section>

      <PendingInvitations
        heading={t('academyReviewers.pending', { count: invitations.length })}
        empty={t('academyReviewers.noPending')}
        level={3}
        base={base}
        invitations={invitations}
        revoke={{
          invitation: toRevoke,
          heading: toRevoke ? t('academyReviewers.revokeHeading', { email: toRevoke.email }) : '',
          body: t('academyReviewers.revokeBody'),
          submit: t('academyReviewers.revokeSubmit'),
          keep: t('academyReviewers.keepInvitation'),
        }}
      />

      <section className="pa-section" aria-labelledby="reviewers-heading">
        <h3 className="utrecht-heading-3" id="reviewers-heading">
          {t('academyReviewers.list', { count: reviewers.length })}
        </h3>
        {reviewers.length === 0 ? (
          <p className="utrecht-paragraph">{t('academyReviewers.none')}</p>
        ) : (
          <DataTable
            id="reviewers-caption"
            caption={t('academyReviewers.caption')}
            rows={reviewers}
            rowKey={(r) => r.id}
            columns={[
              { key: 'name', header: t('academyReviewers.name'), rowHeader: true, cell: (r) => r.name },
              { key: 'email', header: t('academyReviewers.email'), cell: (r) => r.email },
            ]}
            actions={{
              header: t('academyReviewers.actions'),
              cell: (r) => (
                <Link className="utrecht-link" to={`${base}?weghalen=${r.id}#weghalen`}>
                  {t('academyReviewers.remove')}
                  <Hidden> {r.name}</Hidden>
                </Link>
              ),
            }}
          />
        )}
      </section>
    </div>
  );
}

function InviteForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const [form, fields] = useForm<{ email: string }>({ id: 'invite-reviewer', lastResult });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <TextField
        meta={fields.email}
        type="email"
        label={t('academyReviewers.email')}
        description={t('academyReviewers.emailHint')}
        required
        autoComplete="email"
      />
      <SubmitButton name="intent" value="invite">
        {t('academyReviewers.inviteSubmit')}
      </SubmitButton>
    </Form>
  );
}
