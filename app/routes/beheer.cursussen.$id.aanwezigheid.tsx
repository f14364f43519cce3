import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { useDates } from '~/components/manage-courses';
import { localeFromRequest, translator, useT } from '~/i18n';
import { attendanceOpen, attendanceSheet, saveAttendance } from '~/modules/courses/manage/attendance.server';
import { notFound } from '~/modules/http.server';
import { recordCompletions } from '~/modules/academies/completion.server';
import { requireCourseOfCoordinator, scopeOf } from '~/modules/organisations/guards.server';
import { pageTitle, routeData } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';
import { ErrorSummary } from '~/components/ui/error-summary';
import { CheckboxGroupField } from '~/components/ui/fields';
import { attendanceSchema, type AttendanceFields } from '~/modules/courses/attendance-schema';

export const meta: MetaFunction = (args) => {
  const course = routeData<{ course?: { title: string } }>(args.matches, 'routes/beheer.cursussen.$id')?.course;
  return pageTitle(args, 'title.manageCourseAttendance', course ? { course: course.title } : null);
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const coordinator = await requireCourseOfCoordinator(request, params.id);
  const sheet = (await attendanceSheet(getDb(), scopeOf(coordinator), coordinator.course.id))!;
  return {
    status: sheet.course.status,
    threshold: sheet.threshold,
    sessions: sheet.sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      location: s.location,
      open: attendanceOpen(s),
    })),
    people: sheet.people,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const coordinator = await requireCourseOfCoordinator(request, params.id);
  const t = translator(localeFromRequest(request));
  const formData = await request.formData();
  const sessionId = String(formData.get('sessionId') ?? '');
  const submission = parseWithZod(formData, { schema: attendanceSchema });
  if (submission.status !== 'success') return data({ sessionId, result: submission.reply() }, { status: 400 });
  const outcome = await saveAttendance(getDb(), scopeOf(coordinator), coordinator.course.id, sessionId, submission.value.present);
  if (outcome.status === 'not-found') throw notFound();
  const refused = (message: string) => data({ sessionId, result: submission.reply({ formErrors: [message] }) }, { status: 400 });
  if (outcome.status === 'too-early') return refused(t('manageCourses.attendance.tooEarly'));
  if (outcome.status === 'cancelled') return refused(t('manageCourses.errors.courseCancelled'));
  // A module of an academy: the attendance may complete someone's programme (ADR 018; the sweep catches up too).
  if (coordinator.course.academyId) await recordCompletions(getDb(), coordinator.course.academyId);
  return redirectWithNotice(`/beheer/cursussen/${coordinator.course.id}/aanwezigheid`, 'notice.attendance.saved');
}

export default function Attendance() {
  const t = useT();
  const dates = useDates();
  const { status, threshold, sessions, people } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const label = (s: (typeof sessions)[number], index: number) =>
    `${t('manageCourses.sessions.number', { number: index + 1 })}: ${dates.day(s.startsAt)}, ${dates.times(s.startsAt, s.endsAt)}`;

  return (
    <>
      <h2 className="utrecht-heading-2">{t('manageCourses.attendance.heading')}</h2>
      {status === 'draft' ? <p className="utrecht-paragraph">{t('manageCourses.attendance.draft')}</p> : null}
      {status === 'cancelled' ? <p className="utrecht-paragraph">{t('manageCourses.errors.courseCancelled')}</p> : null}
      {sessions.length === 0 ? (
        <p className="utrecht-paragraph">{t('manageCourses.sessions.none')}</p>
      ) : people.length === 0 ? (
        <p className="utrecht-paragraph">{t('manageCourses.attendance.nobody')}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('manageCourses.attendance.intro', { threshold, count: sessions.length })}</p>
          {sessions.map((s, index) => {
            const headingId = `sessie-${s.id}-heading`;
            return (
              <section className="pa-section" id={`sessie-${s.id}`} key={s.id} aria-labelledby={headingId}>
                <h3 className="utrecht-heading-3" id={headingId}>
                  {label(s, index)}
                </h3>
                {status === 'cancelled' ? null : !s.open ? (
                  <p className="utrecht-paragraph">{t('manageCourses.attendance.notYet')}</p>
                ) : (
                  <AttendanceForm
                    sessionId={s.id}
                    number={index + 1}
                    people={people.map((p) => ({ value: p.id, label: p.name }))}
                    present={people.filter((p) => p.attended.includes(s.id)).map((p) => p.id)}
                    lastResult={acted?.sessionId === s.id ? acted.result : undefined}
                  />
                )}
              </section>
            );
          })}

          <section className="pa-section" aria-labelledby="attendance-caption">
            <DataTable
              id="attendance-caption"
              caption={t('manageCourses.attendance.summary')}
              rows={people}
              rowKey={(p) => p.id}
              stack={sessions.length > 3 ? 'wide' : 'narrow'}
              columns={[
                { key: 'name', header: t('manageCourses.csv.name'), rowHeader: true, cell: (p) => p.name },
                ...sessions.map((s, index) => ({
                  key: s.id,
                  header: t('manageCourses.attendance.sessionShort', { number: index + 1 }),
                  cell: (p: (typeof people)[number]) =>
                    p.attended.includes(s.id)
                      ? t('manageCourses.attendance.present')
                      : s.open
                        ? t('manageCourses.attendance.absent')
                        : t('manageCourses.attendance.later'),
                })),
                { key: 'attended', header: t('manageCourses.csv.attended'), numeric: true, cell: (p) => p.attended.length },
                {
                  key: 'completed',
                  header: t('manageCourses.csv.completed'),
                  cell: (p) => (p.completed ? t('manageCourses.yes') : t('manageCourses.no')),
                },
              ]}
            />
          </section>
        </>
      )}
    </>
  );
}

/** Who was at one session: each session has its own form (and Conform id). */
function AttendanceForm({
  sessionId,
  number,
  people,
  present,
  lastResult,
}: {
  sessionId: string;
  number: number;
  people: { value: string; label: string }[];
  present: string[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const [form, fields] = useForm<AttendanceFields>({ id: `attendance-${sessionId}`, lastResult, defaultValue: { present } });
  return (
    <Form method="post" className="pa-attendance" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <CheckboxGroupField meta={fields.present} legend={t('manageCourses.attendance.legend', { number })} options={people} />
      <SubmitButton>{t('manageCourses.attendance.save', { number })}</SubmitButton>
    </Form>
  );
}
