import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { useDates } from '~/components/manage-courses';
import { pageTitle, routeData } from '~/components/page-title';
import { ErrorSummary } from '~/components/ui/error-summary';
import { TextField } from '~/components/ui/fields';
import { localeFromRequest, translator, useT } from '~/i18n';
import { now } from '~/modules/clock.server';
import { copyCourse, copySource } from '~/modules/courses/copy.server';
import { copyCourseSchema, type CopyCourseFields } from '~/modules/courses/manage/schemas';
import { useBrowserValidation } from '~/components/ui/validation';
import { toLocalInputs } from '~/modules/time';
import { notFound } from '~/modules/http.server';
import { requireCourseOfCoordinator, scopeOf } from '~/modules/organisations/guards.server';

// /beheer/cursussen/:id/kopieren — run a course again: a draft copy with new dates (issue 16, item 8).

export const meta: MetaFunction = (args) => {
  const course = routeData<{ course?: { title: string } }>(args.matches, 'routes/beheer.cursussen.$id')?.course;
  return pageTitle(args, 'title.copyCourse', course ? { course: course.title } : null);
};

async function load(request: Request, id: string | undefined) {
  const coordinator = await requireCourseOfCoordinator(request, id);
  const source = await copySource(getDb(), scopeOf(coordinator), coordinator.course.id);
  if (!source) throw notFound();
  return { coordinator, source };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { source } = await load(request, params.id);
  const t = translator(localeFromRequest(request));
  const suffix = ` ${t('manageCourses.copySuffix')}`;
  const first = source.sessions[0];
  return {
    id: source.id,
    sessions: source.sessions,
    firstDate: first ? toLocalInputs(first.startsAt).date : null,
    today: toLocalInputs(now()).date,
    defaults: { title: source.title.slice(0, 150 - suffix.length) + suffix, firstDate: '' },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { coordinator, source } = await load(request, params.id);
  const t = translator(localeFromRequest(request));
  const schema = copyCourseSchema(t, { needsDate: source.sessions.length > 0, today: toLocalInputs(now()).date });
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  const copy = await copyCourse(getDb(), scopeOf(coordinator), source.id, coordinator.user.id, submission.value);
  if (!copy) throw notFound();
  return redirectWithNotice(`/beheer/cursussen/${copy}/bewerken`, 'notice.course.copied');
}

export default function CopyCourse() {
  const t = useT();
  const dates = useDates();
  const loaded = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<CopyCourseFields>({
    id: 'copy-course',
    lastResult,
    defaultValue: loaded.defaults,
    ...useBrowserValidation(() => copyCourseSchema(t, { needsDate: loaded.sessions.length > 0, today: loaded.today }), [t.locale, loaded]),
  });
  const first = loaded.sessions[0];
  return (
    <div className="pa-prose">
      <h2 className="utrecht-heading-2">{t('copyCourse.heading')}</h2>
      <p className="utrecht-paragraph">{t('copyCourse.intro')}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <TextField required meta={fields.title} label={t('copyCourse.title')} />
        {first ? (
          <>
            <TextField
              required
              meta={fields.firstDate}
              type="date"
              min={loaded.today}
              label={t('copyCourse.firstDate')}
              description={t('copyCourse.firstDateHint', { date: dates.day(first.startsAt) })}
            />
            <h3 className="utrecht-heading-3" id="copy-sessions">
              {t('copyCourse.sessionsCaption')}
            </h3>
            <ul className="utrecht-unordered-list" aria-labelledby="copy-sessions">
              {loaded.sessions.map((s) => (
                <li key={String(s.startsAt)}>
                  {dates.day(s.startsAt)}, {dates.times(s.startsAt, s.endsAt)}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="utrecht-paragraph">{t('copyCourse.noSessions')}</p>
        )}
        <SubmitButton>{t('copyCourse.submit')}</SubmitButton>
      </Form>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/beheer/cursussen/${loaded.id}`}>
          {t('copyCourse.cancel')}
        </Link>
      </p>
    </div>
  );
}
