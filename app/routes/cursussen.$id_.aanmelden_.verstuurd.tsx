import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { CourseErrorBoundary } from '~/components/course-parts';
import { pageTitle } from '~/components/page-title';
import { useT } from '~/i18n';
import { now } from '~/modules/clock.server';
import { getPublicCourse } from '~/modules/courses/catalogue.server';

// Where every public sign-up lands, whatever the address (ADR 011): the page knows only the course,
// so it cannot differ between an address that is on the course and one that is not.
export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.signUpSent', args.data ? { course: args.data.title } : null, { noindex: true });

export async function loader({ params }: LoaderFunctionArgs) {
  const course = await getPublicCourse(getDb(), params.id ?? '', now());
  if (!course) throw new Response('Not Found', { status: 404 });
  return { id: course.id, title: course.title };
}

export default function SignUpSent() {
  const t = useT();
  const course = useLoaderData<typeof loader>();
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('courses.signup.sent.title')}</h1>
      <p className="utrecht-paragraph">{t('courses.signup.sent.body', { course: course.title })}</p>
      <p className="utrecht-paragraph">{t('courses.signup.sent.seat')}</p>
      <p className="utrecht-paragraph">{t('courses.signup.sent.spam')}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/cursussen/${course.id}`}>
          {t('courses.signup.sent.back')}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <CourseErrorBoundary />;
}
