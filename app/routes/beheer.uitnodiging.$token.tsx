import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { InvitationPage } from '~/components/invitation-page';
import { pageTitle } from '~/components/page-title';
import { invitationAction, invitationLoader } from '~/routes/invitation-page.server';

// The link in a coordinator's invitation (ADR 022). The page makes the account of the invited
// address, or logs in with its password; the new coordinator lands on the organisation's page.

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data?.invitation
    ? pageTitle(args, 'title.manageInvitation', { organisation: args.data.invitation.organisationName }, { noindex: true })
    : pageTitle(args, 'title.manageInvitationUnknown', {}, { noindex: true });

export const loader = (args: LoaderFunctionArgs) => invitationLoader(args, 'coordinator');

export const action = (args: ActionFunctionArgs) =>
  invitationAction(args, {
    kind: 'coordinator',
    newAccount: true,
    passwordLogin: true,
    welcome: (invitation) => ({ to: `/beheer?organisatie=${invitation.targetId}`, notice: 'notice.coordinator.welcome' }),
  });

export default function CoordinatorInvitation() {
  return (
    <InvitationPage
      texts={{
        title: 'admin.invitation.title',
        intro: 'admin.invitation.intro',
        accept: 'admin.invitation.accept',
        otherAccount: 'admin.invitation.otherAccount',
        login: 'admin.invitation.loginIntro',
        loginForm: { heading: 'admin.invitation.loginHeading', submit: 'admin.invitation.loginSubmit' },
        accountForm: {
          heading: 'admin.invitation.registerHeading',
          intro: 'admin.invitation.registerIntro',
          name: 'register.name',
          submit: 'admin.invitation.registerSubmit',
        },
      }}
    />
  );
}
