import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { InvitationPage } from '~/components/invitation-page';
import { pageTitle } from '~/components/page-title';
import { invitationAction, invitationLoader } from '~/routes/invitation-page.server';

// The link in a reviewer's invitation (ADR 018, 022): accepted by the logged-in account of the
// invited address, who lands on the academy's applications to review.

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data?.invitation
    ? pageTitle(args, 'title.academyInvitation', { academy: args.data.invitation.targetName }, { noindex: true })
    : pageTitle(args, 'title.academyInvitationUnknown', {}, { noindex: true });

export const loader = (args: LoaderFunctionArgs) => invitationLoader(args, 'reviewer');

export const action = (args: ActionFunctionArgs) =>
  invitationAction(args, {
    kind: 'reviewer',
    newAccount: false,
    passwordLogin: false,
    welcome: (invitation) => ({ to: `/academies/${invitation.targetId}/beoordelen`, notice: 'notice.academyReviewer.welcome' }),
  });

export default function ReviewerInvitation() {
  return (
    <InvitationPage
      texts={{
        title: 'academyInvitation.title',
        intro: 'academyInvitation.intro',
        what: 'academyInvitation.what',
        accept: 'academyInvitation.accept',
        otherAccount: 'academyInvitation.otherAccount',
      }}
    />
  );
}
