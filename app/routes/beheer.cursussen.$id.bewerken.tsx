import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { Notice, SubmitButton } from '~/components/form';
import { CourseFormFields } from '~/components/manage-courses';
import { localeFromRequest, translator, useT } from '~/i18n';
import { courseSchema, formatEuros, type CourseFields } from '~/modules/courses/manage/schemas.server';
import { municipalityCodes, municipalityOptions } from '~/modules/courses/manage/reading.server';
import { toLocalInputs } from '~/modules/time';
import { updateCourse } from '~/modules/courses/manage/courses.server';
import { notFound } from '~/modules/http.server';
import { requireCourseOfCoordinator, scopeOf } from '~/modules/organisations/guards.server';
import { pageTitle, routeData } from '~/components/page-title';
import { ErrorSummary } from '~/components/ui/error-summary';

export const meta: MetaFunction = (args) => {
  const course = routeData<{ course?: { title: string } }>(args.matches, 'routes/beheer.cursussen.$id')?.course;
  return pageTitle(args, 'title.manageCourseEdit', course ? { course: course.title } : null);
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { course } = await requireCourseOfCoordinator(request, params.id);
  const local = (d: Date | null) => (d ? toLocalInputs(d).dateTime : undefined);
  return {
    cancelled: course.status === 'cancelled',
    published: course.status === 'published',
    values: {
      title: course.title,
      description: course.description,
      municipalityCode: course.municipalityCode,
      format: course.format,
      locationName: course.locationName,
      address: course.address,
      onlineUrl: course.onlineUrl ?? '',
      language: course.language,
      cost: course.costCents ? formatEuros(course.costCents) : '',
      capacity: course.capacity,
      registrationOpensAt: local(course.registrationOpensAt),
      registrationClosesAt: local(course.registrationClosesAt),
      cancellationDeadline: local(course.cancellationDeadline),
      claimWindowHours: course.claimWindowHours,
      reminderDaysBefore: course.reminderDaysBefore,
      completionThreshold: course.completionThreshold ?? undefined,
      accessibilityInfo: course.accessibilityInfo,
    },
    municipalities: await municipalityOptions(getDb()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const coordinator = await requireCourseOfCoordinator(request, params.id);
  const db = getDb();
  const t = translator(localeFromRequest(request));
  const submission = parseWithZod(await request.formData(), { schema: courseSchema(t, await municipalityCodes(db)) });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  const outcome = await updateCourse(db, scopeOf(coordinator), coordinator.course.id, submission.value);
  switch (outcome.status) {
    case 'not-found':
      throw notFound();
    case 'cancelled':
      return data(submission.reply({ formErrors: [t('manageCourses.errors.courseCancelled')] }), { status: 400 });
    case 'capacity-below-taken':
      return data(
        submission.reply({ fieldErrors: { capacity: [t('manageCourses.errors.capacityBelowTaken', { count: outcome.taken })] } }),
        {
          status: 400,
        },
      );
    case 'saved': {
      const params = new URLSearchParams({ melding: 'opgeslagen' });
      if (outcome.offered) params.set('aangeboden', String(outcome.offered));
      if (outcome.told) params.set('aantal', String(outcome.told));
      return redirect(`/beheer/cursussen/${coordinator.course.id}/bewerken?${params}`);
    }
  }
}

export default function EditCourse() {
  const t = useT();
  const { values, municipalities, cancelled, published } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<CourseFields>({ id: 'edit-course', lastResult, defaultValue: values });
  return (
    <div className="pa-prose">
      <h2 className="utrecht-heading-2">{t('manageCourses.edit.title')}</h2>
      <EditNotice />
      {cancelled ? (
        <p className="utrecht-paragraph">{t('manageCourses.edit.cancelled')}</p>
      ) : (
        <>
          {published ? <p className="utrecht-paragraph">{t('manageCourses.edit.publishedHint')}</p> : null}
          <Form method="post" {...getFormProps(form)}>
            <ErrorSummary form={form} />
            <CourseFormFields fields={fields} municipalities={municipalities} />
            <SubmitButton>{t('manageCourses.edit.submit')}</SubmitButton>
          </Form>
        </>
      )}
    </div>
  );
}

function EditNotice() {
  const t = useT();
  const [params] = useSearchParams();
  if (params.get('melding') !== 'opgeslagen') return null;
  const offered = Number(params.get('aangeboden')) || 0;
  const told = Number(params.get('aantal')) || 0;
  return (
    <Notice>
      {t('manageCourses.notice.saved')}
      {offered ? ` ${t('manageCourses.notice.offered', { count: offered })}` : ''}
      {told ? ` ${t('manageCourses.notice.told', { count: told })}` : ''}
    </Notice>
  );
}
