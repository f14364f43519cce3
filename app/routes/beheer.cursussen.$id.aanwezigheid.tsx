import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { FormAlert, Notice, SubmitButton } from '~/components/form';
import { useDates } from '~/components/manage-courses';
import { localeFromRequest, translator, useT } from '~/i18n';
import { attendanceOpen, attendanceSheet, saveAttendance } from '~/modules/courses/manage/attendance.server';
import { notFound } from '~/modules/http.server';
import { requireCourseOfCoordinator, scopeOf } from '~/modules/organisations/guards.server';
import { pageTitle, routeData } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';

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
  const present = formData.getAll('present').map(String);
  const outcome = await saveAttendance(getDb(), scopeOf(coordinator), coordinator.course.id, sessionId, present);
  if (outcome.status === 'not-found') throw notFound();
  if (outcome.status === 'too-early') return data({ sessionId, message: t('manageCourses.attendance.tooEarly') }, { status: 400 });
  if (outcome.status === 'cancelled') return data({ sessionId, message: t('manageCourses.errors.courseCancelled') }, { status: 400 });
  return redirect(`/beheer/cursussen/${coordinator.course.id}/aanwezigheid?opgeslagen=${sessionId}#sessie-${sessionId}`);
}

export default function Attendance() {
  const t = useT();
  const dates = useDates();
  const { status, threshold, sessions, people } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get('opgeslagen');
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
                {saved === s.id ? <Notice>{t('manageCourses.attendance.saved')}</Notice> : null}
                {acted?.sessionId === s.id ? <FormAlert messages={[acted.message]} /> : null}
                {status === 'cancelled' ? null : !s.open ? (
                  <p className="utrecht-paragraph">{t('manageCourses.attendance.notYet')}</p>
                ) : (
                  <Form method="post" className="pa-attendance">
                    <input type="hidden" name="sessionId" value={s.id} />
                    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-fieldset">
                      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                        {t('manageCourses.attendance.legend', { number: index + 1 })}
                      </legend>
                      <ul className="pa-check-list">
                        {people.map((p) => {
                          const id = `present-${s.id}-${p.id}`;
                          return (
                            <li key={p.id}>
                              <label className="pa-check" htmlFor={id}>
                                <input
                                  id={id}
                                  type="checkbox"
                                  name="present"
                                  value={p.id}
                                  defaultChecked={p.attended.includes(s.id)}
                                  className="utrecht-checkbox utrecht-checkbox--html-input"
                                />
                                <span>{p.name}</span>
                              </label>
                            </li>
                          );
                        })}
                      </ul>
                    </fieldset>
                    <SubmitButton>{t('manageCourses.attendance.save', { number: index + 1 })}</SubmitButton>
                  </Form>
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
