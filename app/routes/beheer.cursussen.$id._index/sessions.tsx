import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { useBrowserValidation } from '~/components/ui/validation';
import { Link, type useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { FormAlert, SubmitButton } from '~/components/form';
import { ActionButton } from '~/components/manage-courses';
import { ConfirmStep } from '~/components/ui/confirm-step';
import { TextField } from '~/components/ui/fields';
import { useT, type MessageKey, type Translate } from '~/i18n';
import type { SessionResult } from '~/modules/courses/manage/sessions.server';
import { sessionSchema, type SessionFields } from '~/modules/courses/manage/schemas';
import { ErrorSummary } from '~/components/ui/error-summary';
import type { Answer } from './answer';
import type { loader } from './route';

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export type SessionValues = { date: string; startTime: string; endTime: string; location: string };

/** Why a session could not be added, moved or removed (`saved` and `not-found` are the action's own answers). */
type SessionProblem = Exclude<SessionResult['status'], 'saved' | 'not-found'>;

const sessionProblems: Record<SessionProblem, MessageKey> = {
  cancelled: 'manageCourses.errors.courseCancelled',
  'already-held': 'manageCourses.errors.sessionHeld',
  'last-session': 'manageCourses.errors.lastSession',
  'in-past': 'manageCourses.errors.sessionInPast',
};

/**
 * The action's answer to a refused session change: a date in the past is the date field's error (in the
 * form's error summary); the others concern the course or the session as a whole, a message above the form.
 */
export function sessionRefusal(
  problem: SessionProblem,
  intent: string,
  target: string | null,
  t: Translate,
  reply: (options: { fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> | undefined,
): Answer {
  const message = t(sessionProblems[problem]);
  if (problem === 'in-past') return { intent, target, result: reply({ fieldErrors: { date: [message] } }) };
  return { intent, target, message };
}

export function SessionForm({
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
  // The browser does not check "not in the past": its clock may differ from the server's, which checks it.
  const [form, fields] = useForm<SessionFields>({
    id,
    lastResult,
    defaultValue,
    ...useBrowserValidation(() => sessionSchema(t), [t.locale]),
  });
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

export function SessionChange({
  session,
  number,
  acted,
  canRemove,
  published,
  courseId,
}: {
  session: LoaderData['sessions'][number];
  number: number;
  acted?: Answer;
  canRemove: boolean;
  published: boolean;
  courseId: string;
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
        <RemoveSession courseId={courseId} sessionId={session.id} number={number} />
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

/**
 * Removing a session of a published course emails everyone with a seat: a link to the kit's
 * confirmation step (`?bijeenkomst-verwijderen=<id>#bijeenkomst-verwijderen`), as for cancelling the course.
 */
function RemoveSession({ courseId, sessionId, number }: { courseId: string; sessionId: string; number: number }) {
  const t = useT();
  return (
    <p className="utrecht-paragraph">
      <Link
        className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
        to={`/beheer/cursussen/${courseId}?bijeenkomst-verwijderen=${sessionId}#bijeenkomst-verwijderen`}
      >
        {t('manageCourses.sessions.remove', { number })}
      </Link>
    </p>
  );
}

/** The confirmation step for removing a session of a published course. */
export function RemoveSessionStep({
  courseId,
  sessionId,
  number,
  confirmed,
}: {
  courseId: string;
  sessionId: string;
  number: number;
  confirmed: number;
}) {
  const t = useT();
  return (
    <ConfirmStep
      id="bijeenkomst-verwijderen"
      heading={t('manageCourses.sessions.removeHeading', { number })}
      intent="remove-session"
      fields={{ sessionId }}
      submit={t('manageCourses.sessions.removeYes')}
      keepTo={`/beheer/cursussen/${courseId}#bijeenkomst-${sessionId}`}
      keep={t('manageCourses.sessions.removeKeep')}
    >
      <p className="utrecht-paragraph">{t('manageCourses.sessions.removeHint', { count: confirmed })}</p>
    </ConfirmStep>
  );
}
