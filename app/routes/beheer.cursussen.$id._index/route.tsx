import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { FormAlert } from '~/components/form';
import type { NoticeKey } from '~/components/ui/notice-key';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { ActionButton, useDates } from '~/components/manage-courses';
import { localeFromRequest, translator, useT, type MessageKey } from '~/i18n';
import { now } from '~/modules/clock.server';
import { addQuestion, moveQuestion, removeQuestion, updateQuestion } from '~/modules/courses/manage/questions.server';
import { addSession, moveSession, removeSession, sessionOfCourse } from '~/modules/courses/manage/sessions.server';
import { cancelOwnedCourse, closeCourse, publishCourse } from '~/modules/courses/manage/courses.server';
import { formatEuros, questionSchema, sessionSchema } from '~/modules/courses/manage/schemas';
import { courseOverview } from '~/modules/courses/manage/reading.server';
import { toLocalInputs } from '~/modules/time';
import { notFound } from '~/modules/http.server';
import { requireCourseOfCoordinator, scopeOf } from '~/modules/organisations/guards.server';
import { pageTitle, routeData } from '~/components/page-title';
import { ConfirmStep, confirmed } from '~/components/ui/confirm-step';
import { NeedsSummarySection } from '~/components/accessibility-aids';
import { needsSummary } from '~/modules/courses/needs.server';
import type { Answer } from './answer';
import { CancelCourse, CourseDetails } from './details';
import { QuestionChange, QuestionForm } from './questions';
import { RemoveSessionStep, SessionChange, SessionForm, sessionRefusal } from './sessions';
import { totalCapacity } from '~/modules/courses/pools';

export const meta: MetaFunction = (args) => {
  const course = routeData<{ course?: { title: string } }>(args.matches, 'routes/beheer.cursussen.$id')?.course;
  return pageTitle(args, 'title.manageCourse', course ? { course: course.title } : null);
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const coordinator = await requireCourseOfCoordinator(request, params.id);
  const overview = (await courseOverview(getDb(), scopeOf(coordinator), coordinator.course.id))!;
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
      // All seats: a hybrid course's room and online seats together (each pool is listed below).
      capacity: totalCapacity(course),
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
    // The confirmation step for removing a question: `?vraag-verwijderen=<id>`.
    questionToRemove:
      course.status === 'cancelled'
        ? null
        : (overview.questions
            .filter((q) => q.id === new URL(request.url).searchParams.get('vraag-verwijderen'))
            .map((q) => ({ id: q.id, label: q.label }))[0] ?? null),
    // The confirmation steps for cancelling the course (`?annuleren=ja`) and for removing a session of
    // a published course (`?bijeenkomst-verwijderen=<id>`, not one already held, not the last one).
    cancelling: course.status !== 'cancelled' && new URL(request.url).searchParams.get('annuleren') === 'ja',
    sessionToRemove:
      course.status === 'published' && overview.sessions.length > 1
        ? (overview.sessions
            .map((s, index) => ({ id: s.id, number: index + 1, started: s.startsAt.getTime() <= at }))
            .find((s) => !s.started && s.id === new URL(request.url).searchParams.get('bijeenkomst-verwijderen')) ?? null)
        : null,
    counts: overview.counts,
    // A hybrid course's seats per pool; empty for a course with one pool.
    pools:
      course.format === 'hybrid'
        ? overview.pools.map((p) => ({
            pool: p.pool,
            capacity: p.capacity,
            taken: p.counts.confirmed + p.counts.offered,
            waiting: p.counts.waitlisted,
          }))
        : [],
    window: overview.window,
    ended: overview.ended,
    threshold: course.completionThreshold,
    needs: await needsSummary(getDb(), course.id),
  };
}

const answer = (value: Answer, status = 400) => data(value, { status });

const publishProblems: Record<string, MessageKey> = {
  'not-draft': 'manageCourses.errors.notDraft',
  'no-sessions': 'manageCourses.errors.noSessions',
  'no-capacity': 'manageCourses.errors.noCapacity',
};

export async function action({ request, params }: ActionFunctionArgs) {
  const coordinator = await requireCourseOfCoordinator(request, params.id);
  const { course } = coordinator;
  const db = getDb();
  const scope = scopeOf(coordinator);
  const t = translator(localeFromRequest(request));
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const done = (key: NoticeKey, vars?: Record<string, number>) => redirectWithNotice(`/beheer/cursussen/${course.id}`, key, vars);

  switch (intent) {
    case 'publish': {
      const outcome = await publishCourse(db, scope, course.id);
      if (outcome === 'not-found') throw notFound();
      if (outcome === 'published') return done('notice.course.published');
      return answer({ intent, target: null, message: t(publishProblems[outcome]!) });
    }
    case 'cancel-course': {
      // Only the confirmation step's button (confirm=yes) cancels; anything else goes to that step.
      if (!confirmed(formData)) return redirect(`/beheer/cursussen/${course.id}?annuleren=ja#annuleren`, 303);
      const outcome = await cancelOwnedCourse(db, scope, course.id);
      if (outcome.status === 'not-found') throw notFound();
      return done('notice.course.cancelled', { count: outcome.status === 'cancelled' ? outcome.told : 0 });
    }
    case 'close': {
      const outcome = await closeCourse(db, scope, course.id);
      if (outcome.status === 'not-found') throw notFound();
      if (outcome.status === 'closed') return done('notice.course.closed', { count: outcome.sent });
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
      const submission = parseWithZod(formData, { schema: sessionSchema(t, { notBefore: course.status === 'draft' ? undefined : now() }) });
      if (submission.status !== 'success') return answer({ intent, target: sessionId, result: submission.reply() });
      const outcome =
        sessionId === null
          ? await addSession(db, scope, course.id, submission.value)
          : await moveSession(db, scope, course.id, sessionId, submission.value);
      if (outcome.status === 'saved') return done('notice.course.sessionSaved', { told: outcome.told });
      if (outcome.status === 'not-found') throw notFound();
      return answer(sessionRefusal(outcome.status, intent, sessionId, t, (r) => submission.reply(r)));
    }
    case 'remove-session': {
      const sessionId = String(formData.get('sessionId') ?? '');
      // On a published course everyone with a seat gets an email at once: first the confirmation step.
      if (course.status === 'published' && !confirmed(formData)) {
        if (!(await sessionOfCourse(db, scope, course.id, sessionId))) throw notFound();
        return redirect(
          `/beheer/cursussen/${course.id}?bijeenkomst-verwijderen=${encodeURIComponent(sessionId)}#bijeenkomst-verwijderen`,
          303,
        );
      }
      const outcome = await removeSession(db, scope, course.id, sessionId);
      if (outcome.status === 'saved') return done('notice.course.sessionRemoved', { told: outcome.told });
      if (outcome.status === 'not-found') throw notFound();
      return answer(sessionRefusal(outcome.status, intent, sessionId, t, () => undefined));
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
      return done('notice.course.questionSaved');
    }
    case 'remove-question':
    case 'question-up':
    case 'question-down': {
      const questionId = String(formData.get('questionId') ?? '');
      // Only the confirmation step's button (confirm=yes) removes; anything else goes to that step.
      if (intent === 'remove-question' && !confirmed(formData)) {
        const overview = await courseOverview(db, scope, course.id);
        if (!overview?.questions.some((q) => q.id === questionId)) throw notFound();
        return redirect(`/beheer/cursussen/${course.id}?vraag-verwijderen=${encodeURIComponent(questionId)}#vraag-verwijderen`, 303);
      }
      const outcome =
        intent === 'remove-question'
          ? await removeQuestion(db, scope, course.id, questionId)
          : await moveQuestion(db, scope, course.id, questionId, intent === 'question-up' ? 'up' : 'down');
      if (outcome === 'not-found') throw notFound();
      if (outcome === 'cancelled') return answer({ intent, target: questionId, message: t('manageCourses.errors.courseCancelled') });
      return done(intent === 'remove-question' ? 'notice.course.questionRemoved' : 'notice.course.questionMoved');
    }
  }
  return answer({ intent, target: null, message: t('manageCourses.errors.unknownAction') });
}

export default function CourseOverview() {
  const t = useT();
  const dates = useDates();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const { course, sessions, questions, counts } = loaded;
  const editable = course.status !== 'cancelled';
  const problem = acted?.message && !acted.result ? acted.message : null;

  return (
    <>
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

      <NeedsSummarySection summary={loaded.needs} />

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
          <p className="utrecht-paragraph">{t('copyCourse.actionHint')}</p>
          <Link
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            to={`/beheer/cursussen/${course.id}/kopieren`}
          >
            {t('copyCourse.action')}
          </Link>
        </div>
        {editable ? <CancelCourse courseId={course.id} published={course.status === 'published'} confirming={loaded.cancelling} /> : null}
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
                {loaded.sessionToRemove?.id === s.id ? (
                  <RemoveSessionStep courseId={course.id} sessionId={s.id} number={index + 1} confirmed={counts.confirmed} />
                ) : null}
                {!editable ? null : course.status === 'published' && s.started ? (
                  <p className="utrecht-paragraph">{t('manageCourses.sessions.held')}</p>
                ) : (
                  <SessionChange
                    session={s}
                    number={index + 1}
                    acted={acted?.target === s.id ? acted : undefined}
                    canRemove={course.status !== 'published' || sessions.length > 1}
                    published={course.status === 'published'}
                    courseId={course.id}
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
        {loaded.questionToRemove ? (
          <ConfirmStep
            id="vraag-verwijderen"
            heading={t('manageCourses.questions.removeHeading', { label: loaded.questionToRemove.label })}
            intent="remove-question"
            fields={{ questionId: loaded.questionToRemove.id }}
            submit={t('manageCourses.questions.removeSubmit')}
            keepTo={`/beheer/cursussen/${course.id}#questions-heading`}
            keep={t('manageCourses.questions.keep')}
          >
            <p className="utrecht-paragraph">{t('manageCourses.questions.removeBody')}</p>
          </ConfirmStep>
        ) : null}
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
