import { getFormProps, useForm } from '@conform-to/react';
import { useBrowserValidation } from '~/components/ui/validation';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { CourseFormFields } from '~/components/manage-courses';
import { localeFromRequest, translator, useT } from '~/i18n';
import { createCourseDraft } from '~/modules/courses/manage/courses.server';
import { municipalityCodes, municipalityOptions } from '~/modules/courses/manage/reading.server';
import { newCourseSchema, type CourseFields } from '~/modules/courses/manage/schemas';
import { requireCoordinator, requireOwnOrganisation, scopeOf } from '~/modules/organisations/guards.server';
import { pageTitle } from '~/components/page-title';
import { ErrorSummary } from '~/components/ui/error-summary';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.manageCourseNew');

export async function loader({ request }: LoaderFunctionArgs) {
  const coordinator = await requireCoordinator(request);
  const chosen = new URL(request.url).searchParams.get('organisatie');
  const organisation = chosen ? requireOwnOrganisation(coordinator, chosen) : null;
  return {
    organisations: coordinator.organisations.map((o) => ({ id: o.id, name: o.name })),
    organisationId: organisation?.id ?? (coordinator.organisations.length === 1 ? coordinator.organisations[0]!.id : ''),
    municipalities: await municipalityOptions(getDb()),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const coordinator = await requireCoordinator(request);
  const t = translator(localeFromRequest(request));
  const db = getDb();
  const scope = scopeOf(coordinator);
  const schema = newCourseSchema(t, await municipalityCodes(db), scope.organisationIds);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  const { organisationId, ...input } = submission.value;
  const id = await createCourseDraft(db, scope, organisationId, coordinator.user.id, input);
  if (!id) return data(submission.reply({ fieldErrors: { organisationId: [t('manageCourses.errors.organisation')] } }), { status: 400 });
  return redirectWithNotice(`/beheer/cursussen/${id}`, 'notice.course.created');
}

export default function NewCourse() {
  const t = useT();
  const { organisations, organisationId, municipalities } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<CourseFields>({
    id: 'new-course',
    lastResult,
    defaultValue: {
      organisationId,
      language: 'nl',
      format: 'in-person',
      capacity: 20,
      claimWindowHours: 48,
      reminderDaysBefore: 2,
    },
    ...useBrowserValidation(
      () =>
        newCourseSchema(
          t,
          new Set(municipalities.map((m) => m.code)),
          organisations.map((o) => o.id),
        ),
      [t.locale, municipalities, organisations],
    ),
  });
  return (
    <div className="pa-manage pa-prose">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/beheer/cursussen">
          {t('manageCourses.backToList')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('manageCourses.new.title')}</h1>
      <p className="utrecht-paragraph">{t('manageCourses.new.intro')}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <CourseFormFields fields={fields} municipalities={municipalities} organisations={organisations} />
        <SubmitButton>{t('manageCourses.new.submit')}</SubmitButton>
      </Form>
    </div>
  );
}
