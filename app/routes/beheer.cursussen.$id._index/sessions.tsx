import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { useBrowserValidation } from '~/components/ui/validation';
import { Form, type useLoaderData } from '@remix-run/react';
import { FormAlert, SubmitButton } from '~/components/form';
import { ActionButton } from '~/components/manage-courses';
import { CheckboxField, TextField } from '~/components/ui/fields';
import { useT } from '~/i18n';
import { confirmSchema, sessionSchema, type ConfirmFields, type SessionFields } from '~/modules/courses/manage/schemas';
import { ErrorSummary } from '~/components/ui/error-summary';
import type { Answer } from './answer';
import type { loader } from './route';

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export type SessionValues = { date: string; startTime: string; endTime: string; location: string };

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
export function RemoveSession({
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
  const [form, fields] = useForm<ConfirmFields>({
    id: `remove-${sessionId}`,
    lastResult,
    ...useBrowserValidation(() => confirmSchema(t, 'manageCourses.errors.confirmRemoveSession'), [t.locale]),
  });
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
