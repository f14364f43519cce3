import { getFormProps, useForm } from '@conform-to/react';
import { useBrowserValidation } from '~/components/ui/validation';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { CourseFormFields } from '~/components/manage-courses';
import { localeFromRequest, translator, useT } from '~/i18n';
import { courseSchema, formatEuros, type CourseFields } from '~/modules/courses/manage/schemas';
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
      onlineCapacity: course.onlineCapacity ?? undefined,
      registrationOpensAt: local(course.registrationOpensAt),
      registrationClosesAt: local(course.registrationClosesAt),
      cancellationDeadline: local(course.cancellationDeadline),
      claimWindowHours: course.claimWindowHours,
      reminderDaysBefore: course.reminderDaysBefore,
      completionThreshold: course.completionThreshold ?? undefined,
      certificateMinimum: course.certificateMinimum ?? undefined,
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
        submission.reply({
          fieldErrors: {
            [outcome.field]: [
              t(outcome.field === 'onlineCapacity' ? 'pools.errors.onlineBelowTaken' : 'manageCourses.errors.capacityBelowTaken', {
                count: outcome.taken,
              }),
            ],
          },
        }),
        {
          status: 400,
        },
      );
    case 'saved': {
      return redirectWithNotice(request, 'notice.course.saved', { offered: outcome.offered, told: outcome.told });
    }
  }
}

export default function EditCourse() {
  const t = useT();
  const { values, municipalities, cancelled, published } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<CourseFields>({
    id: 'edit-course',
    lastResult,
    defaultValue: values,
    ...useBrowserValidation(() => courseSchema(t, new Set(municipalities.map((m) => m.code))), [t.locale, municipalities]),
  });
  return (
    <div className="pa-prose">
      <h2 className="utrecht-heading-2">{t('manageCourses.edit.title')}</h2>
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
