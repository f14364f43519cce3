import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { Banner } from '~/components/course-parts';
import { SubmitButton } from '~/components/form';
import { pageTitle } from '~/components/page-title';
import { CourseLinkProblem } from '~/components/link-problem';
import { localeFromRequest, translator, useT, type MessageKey } from '~/i18n';
import { confirmSignUp, findSignUpRequest } from '~/modules/courses/sign-up-requests.server';

// /aanmelden/bevestigen/:token — the link in the "complete your sign-up" email (ADR 011). GET only
// shows the question (mail scanners open links); the POST takes the seat.
export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.signUpConfirm', args.data?.found ? { course: args.data.courseTitle } : null, { noindex: true });

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findSignUpRequest(getDb(), params.token ?? '');
  if (!found) return data({ found: false as const }, { status: 404 });
  return { found: true as const, ...found };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const result = await confirmSignUp(getDb(), params.token ?? '');
  switch (result.status) {
    case 'confirmed':
      return redirectWithNotice(`/aanmelding/${result.manageToken}`, 'notice.signUp.confirmed');
    case 'waitlisted':
      return redirectWithNotice(`/aanmelding/${result.manageToken}`, 'notice.signUp.waitlisted', { position: result.position });
    case 'duplicate':
      return redirectWithNotice(`/aanmelding/${result.manageToken}`, 'notice.signUp.already');
    case 'closed': {
      const t = translator(localeFromRequest(request));
      const key: MessageKey = result.reason === 'not-yet-open' ? 'courses.page.notYetOpen' : `courses.closed.${result.reason}`;
      return data({ closed: t(key) }, { status: 409 });
    }
    default:
      return data({ found: false as const }, { status: 404 });
  }
}

function Invalid() {
  return (
    <CourseLinkProblem title="courses.confirm.invalid.title" lines={['courses.confirm.invalid.body', 'courses.confirm.invalid.again']} />
  );
}

export default function ConfirmSignUp() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  if (!loaded.found || (acted && 'found' in acted)) return <Invalid />;
  if (acted && 'closed' in acted) {
    return (
      <div className="pa-narrow">
        <h1 className="utrecht-heading-1">{t('courses.confirm.title')}</h1>
        <Banner kind="warning" role="alert" title={acted.closed}>
          <p className="utrecht-paragraph">
            {t('courses.signup.closedBody')}{' '}
            <Link className="utrecht-link" to="/cursussen">
              {t('courses.page.otherCourses')}
            </Link>
          </p>
        </Banner>
      </div>
    );
  }
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('courses.confirm.title')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {t('courses.confirm.for', { name: loaded.name, course: loaded.courseTitle })}
      </p>
      <p className="utrecht-paragraph">{t('courses.confirm.body')}</p>
      <Form method="post">
        <SubmitButton>{t('courses.confirm.button')}</SubmitButton>
      </Form>
    </div>
  );
}
