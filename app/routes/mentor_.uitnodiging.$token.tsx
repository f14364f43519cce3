import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { InvitationPage } from '~/components/invitation-page';
import { pageTitle } from '~/components/page-title';
import { invitationAction, invitationLoader } from '~/routes/invitation-page.server';

// The link in a mentor's invitation (ADR 022). The page shows the network's description, makes the
// account of the invited address when it has none (its name as the coordinator wrote it), and the new
// mentor lands on the profile, which they fill in next.

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data?.invitation
    ? pageTitle(args, 'title.mentorInvitation', { network: args.data.invitation.targetName }, { noindex: true })
    : pageTitle(args, 'title.mentorInvitationUnknown', {}, { noindex: true });

export const loader = (args: LoaderFunctionArgs) => invitationLoader(args, 'mentor');

export const action = (args: ActionFunctionArgs) =>
  invitationAction(args, {
    kind: 'mentor',
    newAccount: true,
    passwordLogin: false,
    welcome: () => ({ to: '/mentor/profiel', notice: 'notice.mentorProfile.welcome' }),
  });

export default function MentorInvitation() {
  return (
    <InvitationPage
      texts={{
        title: 'networks.invitation.title',
        intro: 'networks.invitation.intro',
        what: 'networks.invitation.what',
        accept: 'networks.invitation.accept',
        otherAccount: 'networks.invitation.otherAccount',
        login: 'networks.invitation.login',
        accountForm: {
          heading: 'networks.invitation.createHeading',
          intro: 'networks.invitation.create',
          name: 'networks.invitation.name',
          submit: 'networks.invitation.createSubmit',
        },
      }}
    />
  );
}
