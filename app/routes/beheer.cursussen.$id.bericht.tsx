import { getFormProps, useForm } from '@conform-to/react';
import { useBrowserValidation } from '~/components/ui/validation';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useActionData, useLoaderData, useRevalidator } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { useEffect } from 'react';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { useDates } from '~/components/manage-courses';
import { CheckboxField, TextAreaField, TextField } from '~/components/ui/fields';
import { localeFromRequest, translator, useT } from '~/i18n';
import { confirmSchema, messageSchema, type ConfirmFields, type MessageFields } from '~/modules/courses/manage/schemas';
import { courseOverview } from '~/modules/courses/manage/reading.server';
import { messageBatches, messageConfirmed } from '~/modules/courses/manage/message.server';
import { notFound } from '~/modules/http.server';
import { requireCourseOfCoordinator, scopeOf } from '~/modules/organisations/guards.server';
import { pageTitle, routeData } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';
import { ErrorSummary } from '~/components/ui/error-summary';

export const meta: MetaFunction = (args) => {
  const course = routeData<{ course?: { title: string } }>(args.matches, 'routes/beheer.cursussen.$id')?.course;
  return pageTitle(args, 'title.manageCourseMessage', course ? { course: course.title } : null);
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const coordinator = await requireCourseOfCoordinator(request, params.id);
  const db = getDb();
  const scope = scopeOf(coordinator);
  const overview = (await courseOverview(db, scope, coordinator.course.id))!;
  const batches = (await messageBatches(db, scope, coordinator.course.id))!;
  return { confirmed: overview.counts.confirmed, batches };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const coordinator = await requireCourseOfCoordinator(request, params.id);
  const t = translator(localeFromRequest(request));
  // Sending reaches everyone with a seat at once and cannot be undone: the box must be ticked.
  const schema = messageSchema(t).extend(confirmSchema(t, 'manageCourses.errors.confirmMessage').shape);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  const outcome = await messageConfirmed(getDb(), scopeOf(coordinator), coordinator.course.id, submission.value);
  if (outcome.status === 'not-found') throw notFound();
  if (outcome.status === 'nobody') return data(submission.reply({ formErrors: [t('manageCourses.message.nobody')] }), { status: 400 });
  return redirectWithNotice(`/beheer/cursussen/${coordinator.course.id}/bericht`, 'notice.courseMessage.queued', { count: outcome.count });
}

/** While emails of a message wait in the queue, the page checks again every few seconds (with JavaScript). */
function useProgress(waiting: boolean) {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (!waiting || state !== 'idle') return;
    const timer = setTimeout(revalidate, 3000);
    return () => clearTimeout(timer);
  }, [waiting, state, revalidate]);
}

export default function MessageParticipants() {
  const t = useT();
  const dates = useDates();
  const { confirmed, batches } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<MessageFields & ConfirmFields>({
    id: 'message',
    lastResult,
    ...useBrowserValidation(() => messageSchema(t).extend(confirmSchema(t, 'manageCourses.errors.confirmMessage').shape), [t.locale]),
  });
  useProgress(batches.some((b) => b.waiting > 0));

  return (
    <>
      <h2 className="utrecht-heading-2">{t('manageCourses.message.heading')}</h2>
      <div className="pa-narrow">
        <p className="utrecht-paragraph">{t('manageCourses.message.intro', { count: confirmed })}</p>
        {confirmed === 0 ? (
          <p className="utrecht-paragraph">{t('manageCourses.message.nobody')}</p>
        ) : (
          <Form method="post" {...getFormProps(form)}>
            <ErrorSummary form={form} />
            <TextField required meta={fields.subject} label={t('manageCourses.message.subject')} autoComplete="off" />
            <TextAreaField
              meta={fields.body}
              label={t('manageCourses.message.body')}
              description={t('manageCourses.message.bodyHint')}
              rows={10}
              required
            />
            <CheckboxField meta={fields.confirm} label={t('manageCourses.message.confirm', { count: confirmed })} />
            <SubmitButton>{t('manageCourses.message.submit', { count: confirmed })}</SubmitButton>
          </Form>
        )}
      </div>

      <section className="pa-section" aria-labelledby="batches-caption">
        {batches.length === 0 ? (
          <>
            <h3 className="utrecht-heading-3" id="batches-caption">
              {t('manageCourses.message.earlier')}
            </h3>
            <p className="utrecht-paragraph">{t('manageCourses.message.none')}</p>
          </>
        ) : (
          <DataTable
            id="batches-caption"
            caption={t('manageCourses.message.earlier')}
            rows={batches}
            rowKey={(b) => b.batch}
            columns={[
              { key: 'when', header: t('manageCourses.message.when'), cell: (b) => dates.moment(b.createdAt) },
              { key: 'subject', header: t('manageCourses.message.subject'), rowHeader: true, cell: (b) => b.subject },
              {
                key: 'sent',
                header: t('manageCourses.message.sent'),
                numeric: true,
                cell: (b) => t('manageCourses.message.ofTotal', { count: b.sent, total: b.total }),
              },
              { key: 'waiting', header: t('manageCourses.message.waiting'), numeric: true, cell: (b) => b.waiting },
              { key: 'failed', header: t('manageCourses.message.failed'), numeric: true, cell: (b) => b.failed },
            ]}
          />
        )}
      </section>
    </>
  );
}
