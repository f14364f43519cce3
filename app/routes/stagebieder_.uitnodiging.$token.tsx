import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { InvitationPage } from '~/components/invitation-page';
import { pageTitle } from '~/components/page-title';
import { invitationAction, invitationLoader } from '~/routes/invitation-page.server';

// The link in a host's invitation (ADR 018, 022): accepted by the logged-in account of the invited
// address, who lands on their placements page to fill in the host profile.

export const meta: MetaFunction = (args) => pageTitle(args, 'title.hostInvitation', {}, { noindex: true });

export const loader = (args: LoaderFunctionArgs) => invitationLoader(args, 'host');

export const action = (args: ActionFunctionArgs) =>
  invitationAction(args, {
    kind: 'host',
    newAccount: false,
    passwordLogin: false,
    welcome: () => ({ to: '/stagebieder', notice: 'notice.placements.hostWelcome' }),
  });

export default function HostInvitation() {
  return (
    <InvitationPage
      texts={{
        title: 'placements.invitation.title',
        intro: 'placements.invitation.intro',
        accept: 'placements.invitation.accept',
        otherAccount: 'placements.invitation.otherAccount',
      }}
    />
  );
}
