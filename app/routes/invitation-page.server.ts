import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { getDb } from '~db/client.server';
import type { InvitationAnswer, InvitationPageData } from '~/components/invitation-page';
import type { NoticeKey } from '~/components/ui/notice-key';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { localeFromRequest, translator } from '~/i18n';
import { clientIp } from '~/load-context';
import { getSessionToken, getUser, startSession } from '~/modules/auth/session.server';
import { minutesFrom } from '~/modules/forms.server';
import { linkProblemStatus, type LinkProblem } from '~/modules/http.server';
import {
  acceptInvitation,
  acceptWithNewAccount,
  acceptWithPassword,
  checkInvitation,
  visitorMode,
  type InvitationKind,
  type InvitationView,
} from '~/modules/invitations/invitations.server';
import { invitationAccountSchema, invitationLoginSchema } from '~/modules/invitations/schemas';

// The loader and action of every invitation's page (ADR 022), shared by the four link routes
// (`/beheer/uitnodiging`, `/mentor/uitnodiging`, `/academies/uitnodiging`, `/stagebieder/uitnodiging`:
// they are in emails already sent). GET only shows (mail scanners open links too); every POST acts.
// A link that does not work answers 404 (unknown, or another account's) or 410 (expired, used).

/** What differs per kind: which forms the page has, and where the new member lands. */
export type InvitationPageOptions = {
  kind: InvitationKind;
  /** The invited address may make its account on the page (coordinators, mentors). */
  newAccount: boolean;
  /** The address's account logs in on the page with its password (coordinators); otherwise through the login page. */
  passwordLogin: boolean;
  welcome: (invitation: InvitationView) => { to: string; notice: NoticeKey };
};

const loginUrlOf = (request: Request) => `/inloggen?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`;

export async function invitationLoader({ request, params }: LoaderFunctionArgs, kind: InvitationKind) {
  const db = getDb();
  const loginUrl = loginUrlOf(request);
  const check = await checkInvitation(db, kind, params.token);
  if (!check.ok)
    return data<InvitationPageData>(
      { problem: check.problem, invitation: null, mode: null, loginUrl },
      { status: linkProblemStatus(check.problem) },
    );
  const { email, name, targetName, targetDescription, organisationName } = check.invitation;
  const page: InvitationPageData = {
    problem: null,
    invitation: { email, name, targetName, targetDescription, organisationName },
    mode: await visitorMode(db, check.invitation, await getUser(request)),
    loginUrl,
  };
  return page;
}

export async function invitationAction({ request, params, context }: ActionFunctionArgs, options: InvitationPageOptions) {
  const db = getDb();
  const { kind } = options;
  const token = params.token ?? '';
  const locale = localeFromRequest(request);
  const t = translator(locale);
  const user = await getUser(request);
  const formData = await request.formData();
  const intent = formData.get('intent');
  const gone = (problem: LinkProblem) => data<InvitationAnswer>({ problem }, { status: linkProblemStatus(problem) });
  // Another account than the invited one: 404, as for a forged link.
  const refused = (problem: LinkProblem | 'other-account') => gone(problem === 'other-account' ? 'invalid' : problem);
  const welcome = (invitation: InvitationView, cookie?: string) => {
    const { to, notice } = options.welcome(invitation);
    return redirectWithNotice(to, notice, {}, cookie ? { headers: { 'Set-Cookie': cookie } } : {});
  };

  if (user) {
    // Logged in: only the account of the invited address can accept.
    const outcome = await acceptInvitation(db, kind, token, user);
    return outcome.ok ? welcome(outcome.invitation) : refused(outcome.problem);
  }

  if (intent === 'login' && options.passwordLogin) {
    const submission = parseWithZod(formData, { schema: invitationLoginSchema(t) });
    if (submission.status !== 'success')
      return data<InvitationAnswer>({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
    const outcome = await acceptWithPassword(db, kind, token, { password: submission.value.password, ip: clientIp(context) });
    if (outcome.ok) return welcome(outcome.invitation, await startSession(db, outcome.userId, getSessionToken(request)));
    if (outcome.problem === 'wrong-password' || outcome.problem === 'rate-limited') {
      const message =
        outcome.problem === 'rate-limited'
          ? t('form.rateLimited', { count: minutesFrom(outcome.retryAfterSeconds ?? 60) })
          : t('invitations.wrongPassword');
      return data<InvitationAnswer>(
        { result: submission.reply({ fieldErrors: { password: [message] }, hideFields: ['password'] }) },
        { status: outcome.problem === 'rate-limited' ? 429 : 400 },
      );
    }
    return refused(outcome.problem);
  }

  if (intent === 'create' && options.newAccount) {
    const submission = parseWithZod(formData, { schema: invitationAccountSchema(t) });
    if (submission.status !== 'success')
      return data<InvitationAnswer>({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
    const outcome = await acceptWithNewAccount(db, kind, token, { ...submission.value, locale });
    if (outcome.ok) return welcome(outcome.invitation, await startSession(db, outcome.userId, getSessionToken(request)));
    if (outcome.problem === 'account-exists')
      // Someone made the account in the meantime: after a reload the page asks them to log in.
      return data<InvitationAnswer>(
        { result: submission.reply({ formErrors: [t('invitations.accountExists')], hideFields: ['password'] }) },
        { status: 409 },
      );
    return refused(outcome.problem);
  }

  // Not logged in, and nothing else this page does: log in first, then back here.
  return redirect(loginUrlOf(request));
}
