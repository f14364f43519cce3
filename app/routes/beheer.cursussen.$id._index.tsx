import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { FormAlert, Notice, SubmitButton } from '~/components/form';
import { ActionButton, Hidden, useDates } from '~/components/manage-courses';
import { CheckboxField, SelectField, TextAreaField, TextField } from '~/components/ui/fields';
import { localeFromRequest, translator, useT, type MessageKey, type Translate } from '~/i18n';
import { now } from '~/modules/clock.server';
import { addQuestion, moveQuestion, removeQuestion, updateQuestion } from '~/modules/courses/manage/questions.server';
import { addSession, moveSession, removeSession, sessionOfCourse, type SessionResult } from '~/modules/courses/manage/sessions.server';
import { cancelOwnedCourse, closeCourse, duplicateCourse, publishCourse } from '~/modules/courses/manage/courses.server';
import {
  confirmSchema,
  formatEuros,
  questionSchema,
  sessionSchema,
  type ConfirmFields,
  type QuestionFields,
  type SessionFields,
} from '~/modules/courses/manage/schemas.server';
import { courseOverview } from '~/modules/courses/manage/reading.server';
import { toLocalInputs } from '~/modules/time';
import { notFound } from '~/modules/http.server';
import { requireCourseOfCoordinator, scopeOf } from '~/modules/organisations/guards.server';
import { pageTitle, routeData } from '~/components/page-title';
import { ErrorSummary } from '~/components/ui/error-summary';

export const meta: MetaFunction = (args) => {
  const course = routeData<{ course?: { title: string } }>(args.matches, 'routes/beheer.cursussen.$id')?.course;
  return pageTitle(args, 'title.manageCourse', course ? { course: course.title } : null);
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const coordinator = await requireCourseOfCoordinator(request, params.id);
  const overview = (await courseOverview(getDb(), scopeOf(coordinator), coordinator.course.id))!;
  const url = new URL(request.url);
  const { course } = overview;
  const at = now().getTime();
  return {
    course: {
      id: course.id,
      status: course.status,
      format: course.format,
      locationName: course.locationName,
      address: course.address,
      onlineUrl: course.onlineUrl,
      accessibilityInfo: course.accessibilityInfo,
      language: course.language,
      cost: course.costCents ? formatEuros(course.costCents) : null,
      capacity: course.capacity,
      registrationOpensAt: course.registrationOpensAt,
      registrationClosesAt: course.registrationClosesAt,
      cancellationDeadline: course.cancellationDeadline,
      claimWindowHours: course.claimWindowHours,
      reminderDaysBefore: course.reminderDaysBefore,
      followUpSentAt: course.followUpSentAt,
    },
    municipalityName: overview.municipalityName,
    sessions: overview.sessions.map((s) => {
      const start = toLocalInputs(s.startsAt);
      return {
        id: s.id,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        location: s.location,
        started: s.startsAt.getTime() <= at,
        values: { date: start.date, startTime: start.time, endTime: toLocalInputs(s.endsAt).time, location: s.location },
      };
    }),
    questions: overview.questions.map((q) => ({ id: q.id, kind: q.kind, label: q.label, options: q.options, required: q.required })),
    counts: overview.counts,
    window: overview.window,
    ended: overview.ended,
    threshold: course.completionThreshold,
    notice: url.searchParams.get('melding'),
    count: Number(url.searchParams.get('aantal')) || 0,
  };
}

type Answer = { intent: string; target: string | null; result?: SubmissionResult<string[]>; message?: string };
const answer = (value: Answer, status = 400) => data(value, { status });

const publishProblems: Record<string, MessageKey> = {
  'not-draft': 'manageCourses.errors.notDraft',
  'no-sessions': 'manageCourses.errors.noSessions',
  'no-capacity': 'manageCourses.errors.noCapacity',
};

const sessionProblems: Record<string, MessageKey> = {
  cancelled: 'manageCourses.errors.courseCancelled',
  'already-held': 'manageCourses.errors.sessionHeld',
  'last-session': 'manageCourses.errors.lastSession',
  'in-past': 'manageCourses.errors.sessionInPast',
};

export async function action({ request, params }: ActionFunctionArgs) {
  const coordinator = await requireCourseOfCoordinator(request, params.id);
  const { course } = coordinator;
  const db = getDb();
  const scope = scopeOf(coordinator);
  const t = translator(localeFromRequest(request));
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const done = (notice: string, count?: number) =>
    redirect(`/beheer/cursussen/${course.id}?melding=${notice}${count !== undefined ? `&aantal=${count}` : ''}`);

  switch (intent) {
    case 'publish': {
      const outcome = await publishCourse(db, scope, course.id);
      if (outcome === 'not-found') throw notFound();
      if (outcome === 'published') return done('gepubliceerd');
      return answer({ intent, target: null, message: t(publishProblems[outcome]!) });
    }
    case 'cancel-course': {
      const submission = parseWithZod(formData, { schema: confirmSchema(t, 'manageCourses.errors.confirmCancel') });
      if (submission.status !== 'success') return answer({ intent, target: null, result: submission.reply() });
      const outcome = await cancelOwnedCourse(db, scope, course.id);
      if (outcome.status === 'not-found') throw notFound();
      return done('geannuleerd', outcome.status === 'cancelled' ? outcome.told : 0);
    }
    case 'duplicate': {
      const copy = await duplicateCourse(db, scope, course.id, coordinator.user.id, t('manageCourses.copySuffix'));
      if (!copy) throw notFound();
      return redirect(`/beheer/cursussen/${copy}?melding=gekopieerd`);
    }
    case 'close': {
      const outcome = await closeCourse(db, scope, course.id);
      if (outcome.status === 'not-found') throw notFound();
      if (outcome.status === 'closed') return done('afgesloten', outcome.sent);
      const key: MessageKey =
        outcome.status === 'not-ended'
          ? 'manageCourses.errors.notEnded'
          : outcome.status === 'already-closed'
            ? 'manageCourses.errors.alreadyClosed'
            : 'manageCourses.errors.notPublished';
      return answer({ intent, target: null, message: t(key) });
    }
    case 'add-session':
    case 'move-session': {
      const sessionId = intent === 'move-session' ? String(formData.get('sessionId') ?? '') : null;
      const submission = parseWithZod(formData, { schema: sessionSchema(t, { allowPast: course.status === 'draft' }) });
      if (submission.status !== 'success') return answer({ intent, target: sessionId, result: submission.reply() });
      const outcome =
        sessionId === null
          ? await addSession(db, scope, course.id, submission.value)
          : await moveSession(db, scope, course.id, sessionId, submission.value);
      return sessionOutcome(outcome, intent, sessionId, t, (r) => submission.reply(r), done);
    }
    case 'remove-session': {
      const sessionId = String(formData.get('sessionId') ?? '');
      // On a published course everyone with a seat gets an email at once: first the confirmation box.
      if (course.status === 'published') {
        if (!(await sessionOfCourse(db, scope, course.id, sessionId))) throw notFound();
        const submission = parseWithZod(formData, { schema: confirmSchema(t, 'manageCourses.errors.confirmRemoveSession') });
        if (submission.status !== 'success') return answer({ intent, target: sessionId, result: submission.reply() });
      }
      const outcome = await removeSession(db, scope, course.id, sessionId);
      if (outcome.status === 'saved') return done('bijeenkomst-verwijderd', outcome.told);
      return sessionOutcome(outcome, intent, sessionId, t, () => undefined, done);
    }
    case 'add-question':
    case 'edit-question': {
      const questionId = intent === 'edit-question' ? String(formData.get('questionId') ?? '') : null;
      const submission = parseWithZod(formData, { schema: questionSchema(t) });
      if (submission.status !== 'success') return answer({ intent, target: questionId, result: submission.reply() });
      const outcome =
        questionId === null
          ? await addQuestion(db, scope, course.id, submission.value)
          : await updateQuestion(db, scope, course.id, questionId, submission.value);
      if (outcome === 'not-found') throw notFound();
      if (outcome === 'cancelled') return answer({ intent, target: questionId, message: t('manageCourses.errors.courseCancelled') });
      return done('vraag-opgeslagen');
    }
    case 'remove-question':
    case 'question-up':
    case 'question-down': {
      const questionId = String(formData.get('questionId') ?? '');
      const outcome =
        intent === 'remove-question'
          ? await removeQuestion(db, scope, course.id, questionId)
          : await moveQuestion(db, scope, course.id, questionId, intent === 'question-up' ? 'up' : 'down');
      if (outcome === 'not-found') throw notFound();
      if (outcome === 'cancelled') return answer({ intent, target: questionId, message: t('manageCourses.errors.courseCancelled') });
      return done(intent === 'remove-question' ? 'vraag-verwijderd' : 'vraag-verplaatst');
    }
  }
  return answer({ intent, target: null, message: t('manageCourses.errors.unknownAction') });
}

function sessionOutcome(
  outcome: SessionResult,
  intent: string,
  target: string | null,
  t: Translate,
  reply: (options: { fieldErrors?: Record<string, string[]>; formErrors?: string[] }) => SubmissionResult<string[]> | undefined,
  done: (notice: string, count?: number) => Response,
) {
  if (outcome.status === 'saved') return done('bijeenkomst-opgeslagen', outcome.told);
  if (outcome.status === 'not-found') throw notFound();
  const message = t(sessionProblems[outcome.status]!);
  if (outcome.status === 'in-past') return answer({ intent, target, result: reply({ fieldErrors: { date: [message] } }) });
  return answer({ intent, target, message });
}

const notices: Record<string, MessageKey> = {
  aangemaakt: 'manageCourses.notice.created',
  gepubliceerd: 'manageCourses.notice.published',
  geannuleerd: 'manageCourses.notice.cancelled',
  gekopieerd: 'manageCourses.notice.duplicated',
  afgesloten: 'manageCourses.notice.closed',
  opgeslagen: 'manageCourses.notice.saved',
  'bijeenkomst-opgeslagen': 'manageCourses.notice.sessionSaved',
  'bijeenkomst-verwijderd': 'manageCourses.notice.sessionRemoved',
  'vraag-opgeslagen': 'manageCourses.notice.questionSaved',
  'vraag-verwijderd': 'manageCourses.notice.questionRemoved',
  'vraag-verplaatst': 'manageCourses.notice.questionMoved',
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function CourseOverview() {
  const t = useT();
  const dates = useDates();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const { course, sessions, questions, counts, notice, count } = loaded;
  const editable = course.status !== 'cancelled';
  const noticeKey = notice ? notices[notice] : undefined;
  const told = notice === 'bijeenkomst-opgeslagen' || notice === 'bijeenkomst-verwijderd' ? count : 0;
  const problem = acted?.message && !acted.result ? acted.message : null;

  return (
    <>
      {noticeKey ? (
        <Notice>
          {t(noticeKey, { count })}
          {told > 0 ? ` ${t('manageCourses.notice.told', { count: told })}` : ''}
        </Notice>
      ) : null}
      {problem ? <FormAlert messages={[problem]} /> : null}

      <section className="pa-section" aria-labelledby="details-heading">
        <h2 className="utrecht-heading-2" id="details-heading">
          {t('manageCourses.overview.heading')}
        </h2>
        <CourseDetails loaded={loaded} />
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="bewerken">
            {t('manageCourses.overview.editLink')}
          </Link>
        </p>
      </section>

      <section className="pa-section" aria-labelledby="actions-heading">
        <h2 className="utrecht-heading-2" id="actions-heading">
          {t('manageCourses.overview.actions')}
        </h2>
        {course.status === 'draft' ? (
          <div className="pa-action">
            <p className="utrecht-paragraph">
              {sessions.length ? t('manageCourses.overview.publishHint') : t('manageCourses.overview.publishNeedsSession')}
            </p>
            <ActionButton intent="publish" kind="primary-action">
              {t('manageCourses.overview.publish')}
            </ActionButton>
          </div>
        ) : null}
        {course.status === 'published' && course.followUpSentAt ? (
          <p className="utrecht-paragraph">{t('manageCourses.overview.closedOn', { date: dates.moment(course.followUpSentAt) })}</p>
        ) : null}
        {course.status === 'published' && !course.followUpSentAt ? (
          <div className="pa-action">
            <p className="utrecht-paragraph">
              {loaded.ended ? t('manageCourses.overview.closeHint', { count: counts.confirmed }) : t('manageCourses.overview.closeLater')}
            </p>
            {loaded.ended ? (
              <ActionButton intent="close" kind="primary-action">
                {t('manageCourses.overview.close')}
              </ActionButton>
            ) : null}
          </div>
        ) : null}
        <div className="pa-action">
          <p className="utrecht-paragraph">{t('manageCourses.overview.duplicateHint')}</p>
          <ActionButton intent="duplicate">{t('manageCourses.overview.duplicate')}</ActionButton>
        </div>
        {editable ? (
          <CancelCourse
            lastResult={acted?.intent === 'cancel-course' ? acted.result : undefined}
            published={course.status === 'published'}
          />
        ) : null}
      </section>

      <section className="pa-section" aria-labelledby="sessions-heading">
        <h2 className="utrecht-heading-2" id="sessions-heading">
          {t('manageCourses.sessions.heading')}
        </h2>
        {course.status === 'published' ? <p className="utrecht-paragraph">{t('manageCourses.sessions.publishedHint')}</p> : null}
        {sessions.length === 0 ? (
          <p className="utrecht-paragraph">{t('manageCourses.sessions.none')}</p>
        ) : (
          <ol className="pa-item-list">
            {sessions.map((s, index) => (
              <li key={s.id} className="pa-item" id={`bijeenkomst-${s.id}`}>
                <p className="utrecht-paragraph pa-item__title">
                  {t('manageCourses.sessions.number', { number: index + 1 })}: {dates.day(s.startsAt)}, {dates.times(s.startsAt, s.endsAt)}
                  {s.location ? `, ${s.location}` : ''}
                </p>
                {!editable ? null : course.status === 'published' && s.started ? (
                  <p className="utrecht-paragraph">{t('manageCourses.sessions.held')}</p>
                ) : (
                  <SessionChange
                    session={s}
                    number={index + 1}
                    acted={acted?.target === s.id ? acted : undefined}
                    canRemove={course.status !== 'published' || sessions.length > 1}
                    published={course.status === 'published'}
                    confirmed={counts.confirmed}
                  />
                )}
              </li>
            ))}
          </ol>
        )}
        {editable ? (
          <>
            <h3 className="utrecht-heading-3">{t('manageCourses.sessions.add')}</h3>
            {course.status === 'draft' ? <p className="utrecht-paragraph">{t('manageCourses.sessions.draftPastHint')}</p> : null}
            <SessionForm
              id="add-session"
              intent="add-session"
              lastResult={acted?.intent === 'add-session' ? acted.result : undefined}
              submit={t('manageCourses.sessions.addSubmit')}
            />
          </>
        ) : null}
      </section>

      <section className="pa-section" aria-labelledby="questions-heading">
        <h2 className="utrecht-heading-2" id="questions-heading">
          {t('manageCourses.questions.heading')}
        </h2>
        <p className="utrecht-paragraph">{t('manageCourses.questions.intro')}</p>
        {questions.length === 0 ? (
          <p className="utrecht-paragraph">{t('manageCourses.questions.none')}</p>
        ) : (
          <ol className="pa-item-list">
            {questions.map((q, index) => (
              <li key={q.id} className="pa-item">
                <p className="utrecht-paragraph pa-item__title">{q.label}</p>
                <p className="utrecht-paragraph">
                  {t(`manageCourses.questionKind.${q.kind}`)}
                  {q.required ? `, ${t('manageCourses.questions.requiredShort')}` : ''}
                  {q.kind === 'choice' ? `: ${q.options.join(' / ')}` : ''}
                </p>
                {editable ? (
                  <QuestionChange
                    question={q}
                    first={index === 0}
                    last={index === questions.length - 1}
                    acted={acted?.target === q.id ? acted : undefined}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {editable ? (
          <>
            <h3 className="utrecht-heading-3">{t('manageCourses.questions.add')}</h3>
            <QuestionForm
              id="add-question"
              intent="add-question"
              lastResult={acted?.intent === 'add-question' ? acted.result : undefined}
              submit={t('manageCourses.questions.addSubmit')}
            />
          </>
        ) : null}
      </section>
    </>
  );
}

function CourseDetails({ loaded }: { loaded: LoaderData }) {
  const t = useT();
  const dates = useDates();
  const { course, counts } = loaded;
  const venue = [course.locationName, course.address].filter(Boolean).join(', ');
  const windowKey: MessageKey = `manageCourses.window.${loaded.window}`;
  return (
    <dl className="pa-details">
      <dt>{t('manageCourses.overview.signUp')}</dt>
      <dd>{t(windowKey)}</dd>
      <dt>{t('manageCourses.overview.seats')}</dt>
      <dd>
        {t('manageCourses.overview.seatsTaken', { confirmed: counts.confirmed, count: course.capacity })}
        {counts.offered ? `, ${t('manageCourses.overview.offered', { count: counts.offered })}` : ''}
        {`, ${t('manageCourses.overview.waitlisted', { count: counts.waitlisted })}`}{' '}
        <Link className="utrecht-link" to="aanmeldingen">
          {t('manageCourses.overview.toRegistrations')}
        </Link>
      </dd>
      <dt>{t('manageCourses.form.municipality')}</dt>
      <dd>{loaded.municipalityName}</dd>
      <dt>{t('manageCourses.form.format')}</dt>
      <dd>{t(`manageCourses.format.${course.format}`)}</dd>
      {course.format !== 'online' ? (
        <>
          <dt>{t('manageCourses.overview.venue')}</dt>
          <dd>{venue || t('manageCourses.overview.notSet')}</dd>
        </>
      ) : null}
      {course.format !== 'in-person' ? (
        <>
          <dt>{t('manageCourses.form.onlineUrl')}</dt>
          <dd>{course.onlineUrl || t('manageCourses.overview.notSet')}</dd>
        </>
      ) : null}
      <dt>{t('manageCourses.form.language')}</dt>
      <dd>{t(`manageCourses.language.${course.language}`)}</dd>
      <dt>{t('manageCourses.form.cost')}</dt>
      <dd>{course.cost ? `€ ${course.cost}` : t('manageCourses.overview.free')}</dd>
      <dt>{t('manageCourses.form.opens')}</dt>
      <dd>{course.registrationOpensAt ? dates.moment(course.registrationOpensAt) : t('manageCourses.overview.opensNow')}</dd>
      <dt>{t('manageCourses.form.closes')}</dt>
      <dd>{course.registrationClosesAt ? dates.moment(course.registrationClosesAt) : t('manageCourses.overview.closesAtStart')}</dd>
      <dt>{t('manageCourses.form.cancellationDeadline')}</dt>
      <dd>{course.cancellationDeadline ? dates.moment(course.cancellationDeadline) : t('manageCourses.overview.cancelUntilStart')}</dd>
      <dt>{t('manageCourses.form.claimWindow')}</dt>
      <dd>
        {course.claimWindowHours === 0
          ? t('manageCourses.overview.claimAtOnce')
          : t('manageCourses.overview.hours', { count: course.claimWindowHours })}
      </dd>
      <dt>{t('manageCourses.form.reminderDays')}</dt>
      <dd>
        {course.reminderDaysBefore === 0
          ? t('manageCourses.overview.noReminder')
          : t('manageCourses.overview.days', { count: course.reminderDaysBefore })}
      </dd>
      <dt>{t('manageCourses.form.threshold')}</dt>
      <dd>
        {loaded.threshold ? t('manageCourses.overview.threshold', { count: loaded.threshold }) : t('manageCourses.overview.thresholdAll')}
      </dd>
      <dt>{t('manageCourses.form.accessibility')}</dt>
      <dd className="pa-pre-line">{course.accessibilityInfo || t('manageCourses.overview.notSet')}</dd>
    </dl>
  );
}

function CancelCourse({ lastResult, published }: { lastResult?: SubmissionResult<string[]>; published: boolean }) {
  const t = useT();
  const [form, fields] = useForm<ConfirmFields>({ id: 'cancel-course', lastResult });
  return (
    <div className="pa-action pa-action--danger">
      <h3 className="utrecht-heading-3">{t('manageCourses.cancel.heading')}</h3>
      <p className="utrecht-paragraph">{published ? t('manageCourses.cancel.publishedHint') : t('manageCourses.cancel.draftHint')}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <CheckboxField meta={fields.confirm} label={t('manageCourses.cancel.confirm')} />
        <SubmitButton name="intent" value="cancel-course">
          {t('manageCourses.cancel.submit')}
        </SubmitButton>
      </Form>
    </div>
  );
}

type SessionValues = { date: string; startTime: string; endTime: string; location: string };

function SessionForm({
  id,
  intent,
  lastResult,
  submit,
  sessionId,
  defaultValue,
}: {
  id: string;
  intent: string;
  lastResult?: SubmissionResult<string[]>;
  submit: string;
  sessionId?: string;
  defaultValue?: SessionValues;
}) {
  const t = useT();
  const [form, fields] = useForm<SessionFields>({ id, lastResult, defaultValue });
  return (
    <Form method="post" {...getFormProps(form)} className="pa-compact-form">
      <ErrorSummary form={form} />
      {sessionId ? <input type="hidden" name="sessionId" value={sessionId} /> : null}
      <div className="pa-field-row">
        <TextField meta={fields.date} label={t('manageCourses.sessions.date')} type="date" required />
        <TextField meta={fields.startTime} label={t('manageCourses.sessions.start')} type="time" required />
        <TextField meta={fields.endTime} label={t('manageCourses.sessions.end')} type="time" required />
      </div>
      <TextField
        meta={fields.location}
        label={t('manageCourses.sessions.location')}
        description={t('manageCourses.sessions.locationHint')}
      />
      <SubmitButton name="intent" value={intent}>
        {submit}
      </SubmitButton>
    </Form>
  );
}

function SessionChange({
  session,
  number,
  acted,
  canRemove,
  published,
  confirmed,
}: {
  session: LoaderData['sessions'][number];
  number: number;
  acted?: Answer;
  canRemove: boolean;
  published: boolean;
  confirmed: number;
}) {
  const t = useT();
  return (
    <details className="pa-disclosure" open={Boolean(acted)}>
      <summary>{t('manageCourses.sessions.change', { number })}</summary>
      {acted?.message ? <FormAlert messages={[acted.message]} /> : null}
      <SessionForm
        id={`move-${session.id}`}
        intent="move-session"
        sessionId={session.id}
        lastResult={acted?.intent === 'move-session' ? acted.result : undefined}
        defaultValue={session.values}
        submit={t('manageCourses.sessions.moveSubmit')}
      />
      {canRemove && published ? (
        <RemoveSession
          sessionId={session.id}
          number={number}
          confirmed={confirmed}
          lastResult={acted?.intent === 'remove-session' ? acted.result : undefined}
        />
      ) : canRemove ? (
        <ActionButton intent="remove-session" fields={{ sessionId: session.id }}>
          {t('manageCourses.sessions.remove', { number })}
        </ActionButton>
      ) : (
        <p className="utrecht-paragraph">{t('manageCourses.errors.lastSession')}</p>
      )}
    </details>
  );
}

/** Removing a session of a published course emails everyone with a seat: the same box as cancelling the course. */
function RemoveSession({
  sessionId,
  number,
  confirmed,
  lastResult,
}: {
  sessionId: string;
  number: number;
  confirmed: number;
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const [form, fields] = useForm<ConfirmFields>({ id: `remove-${sessionId}`, lastResult });
  return (
    <div className="pa-action pa-action--danger">
      <p className="utrecht-paragraph">{t('manageCourses.sessions.removeHint', { count: confirmed })}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <input type="hidden" name="sessionId" value={sessionId} />
        <CheckboxField meta={fields.confirm} label={t('manageCourses.sessions.removeConfirm', { number })} />
        <SubmitButton name="intent" value="remove-session">
          {t('manageCourses.sessions.remove', { number })}
        </SubmitButton>
      </Form>
    </div>
  );
}

type QuestionValues = { kind: string; label: string; options: string; required: boolean };

function QuestionForm({
  id,
  intent,
  lastResult,
  submit,
  questionId,
  defaultValue,
}: {
  id: string;
  intent: string;
  lastResult?: SubmissionResult<string[]>;
  submit: string;
  questionId?: string;
  defaultValue?: QuestionValues;
}) {
  const t = useT();
  const [form, fields] = useForm<QuestionFields>({ id, lastResult, defaultValue: defaultValue ?? { kind: 'text' } });
  return (
    <Form method="post" {...getFormProps(form)} className="pa-compact-form">
      <ErrorSummary form={form} />
      {questionId ? <input type="hidden" name="questionId" value={questionId} /> : null}
      <TextField meta={fields.label} label={t('manageCourses.questions.label')} required />
      <SelectField
        meta={fields.kind}
        label={t('manageCourses.questions.kind')}
        options={(['text', 'choice', 'yes-no'] as const).map((k) => ({ value: k, label: t(`manageCourses.questionKind.${k}`) }))}
        required
      />
      <TextAreaField
        meta={fields.options}
        label={t('manageCourses.questions.options')}
        description={t('manageCourses.questions.optionsHint')}
        rows={4}
      />
      <CheckboxField meta={fields.required} label={t('manageCourses.questions.required')} />
      <SubmitButton name="intent" value={intent}>
        {submit}
      </SubmitButton>
    </Form>
  );
}

function QuestionChange({
  question,
  first,
  last,
  acted,
}: {
  question: LoaderData['questions'][number];
  first: boolean;
  last: boolean;
  acted?: Answer;
}) {
  const t = useT();
  const fields = { questionId: question.id };
  return (
    <>
      <div className="pa-button-row">
        {!first ? (
          <ActionButton intent="question-up" fields={fields} kind="subtle">
            {t('manageCourses.questions.up')}
            <Hidden> {question.label}</Hidden>
          </ActionButton>
        ) : null}
        {!last ? (
          <ActionButton intent="question-down" fields={fields} kind="subtle">
            {t('manageCourses.questions.down')}
            <Hidden> {question.label}</Hidden>
          </ActionButton>
        ) : null}
        <ActionButton intent="remove-question" fields={fields} kind="subtle">
          {t('manageCourses.questions.remove')}
          <Hidden> {question.label}</Hidden>
        </ActionButton>
      </div>
      <details className="pa-disclosure" open={Boolean(acted)}>
        <summary>
          {t('manageCourses.questions.change')}
          <Hidden> {question.label}</Hidden>
        </summary>
        {acted?.message ? <FormAlert messages={[acted.message]} /> : null}
        <QuestionForm
          id={`question-${question.id}`}
          intent="edit-question"
          questionId={question.id}
          lastResult={acted?.intent === 'edit-question' ? acted.result : undefined}
          defaultValue={{ kind: question.kind, label: question.label, options: question.options.join('\n'), required: question.required }}
          submit={t('manageCourses.questions.save')}
        />
      </details>
    </>
  );
}
