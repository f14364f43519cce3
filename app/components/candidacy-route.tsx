import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Link } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { useT } from '~/i18n';
import { mentorCopySchema, routeStepSchema, type RouteStepFields } from '~/modules/candidacy/schemas';
import { SubmitButton } from './form';
import { ErrorSummary } from './ui/error-summary';
import { CheckboxField, TextAreaField } from './ui/fields';
import { useBrowserValidation } from './ui/validation';
import { replyFor } from './matches';

// The candidacy route on a match's page (issue 17): each step with its suggested date, whether it is
// done and its note; while the match runs, a small form per step, and the mentee's choice to copy the
// reminders to the mentor. Props are already in the reader's language.

type RouteStepView = {
  id: string;
  title: string;
  onList: boolean;
  suggestedOn: string | null;
  doneOn: string | null;
  note: string;
  updatedByName: string | null;
};

export type RouteView = {
  electionName: string | null;
  deadline: string | null;
  steps: RouteStepView[];
  mentorCopy: boolean;
};

export function CandidacyRoute({
  matchId,
  role,
  otherName,
  active,
  route,
  reply,
}: {
  matchId: string;
  role: 'mentee' | 'mentor';
  otherName: string;
  active: boolean;
  route: RouteView;
  reply: unknown;
}) {
  const t = useT();
  return (
    <section className="pa-section pa-narrow" aria-labelledby="route-heading" id="route">
      <h2 className="utrecht-heading-2" id="route-heading">
        {t('route.heading')}
      </h2>
      <p className="utrecht-paragraph">
        {!route.electionName || !route.deadline
          ? t('route.noElection')
          : role === 'mentee'
            ? t('route.introMentee', { election: route.electionName, deadline: route.deadline })
            : t('route.introMentor', { name: otherName, election: route.electionName, deadline: route.deadline })}
      </p>
      {active ? null : <p className="utrecht-paragraph">{t('route.ended')}</p>}
      <ol className="pa-route">
        {route.steps.map((step) => (
          <li key={step.id} className="pa-route__step">
            <h3 className="utrecht-heading-3" id={`route-step-${step.id}-heading`}>
              {step.title}
            </h3>
            <p className="utrecht-paragraph">
              {step.suggestedOn ? <>{t('route.step.suggested', { date: step.suggestedOn })}. </> : null}
              <strong>{step.doneOn ? t('route.step.done', { date: step.doneOn }) : t('route.step.notDone')}</strong>
            </p>
            {!active && step.note ? <p className="utrecht-paragraph pa-plain-text">{step.note}</p> : null}
            {step.updatedByName ? <p className="utrecht-paragraph pa-note">{t('route.step.by', { name: step.updatedByName })}</p> : null}
            {active ? (
              <RouteStepForm
                matchId={matchId}
                step={step}
                lastResult={replyFor(reply, `route-step-${step.id}`)}
                hint={role === 'mentee' && step.onList}
              />
            ) : null}
          </li>
        ))}
      </ol>
      {active && role === 'mentee' ? (
        <>
          <h3 className="utrecht-heading-3">{t('route.copy.heading')}</h3>
          <p className="utrecht-paragraph">
            {t('route.copy.intro')}{' '}
            <Link className="utrecht-link" to="/account/e-mail">
              {t('title.accountEmail')}
            </Link>
          </p>
          <MentorCopyForm
            matchId={matchId}
            mentorName={otherName}
            checked={route.mentorCopy}
            lastResult={replyFor(reply, `route-copy-${matchId}`)}
          />
        </>
      ) : null}
    </section>
  );
}

function RouteStepForm({
  matchId,
  step,
  lastResult,
  hint,
}: {
  matchId: string;
  step: RouteStepView;
  lastResult: SubmissionResult<string[]> | undefined;
  hint: boolean;
}) {
  const t = useT();
  const [form, fields] = useForm<RouteStepFields>({
    id: `route-step-${step.id}`,
    lastResult,
    defaultValue: { stepId: step.id, done: step.doneOn ? 'on' : undefined, note: step.note } as never,
    ...useBrowserValidation(() => routeStepSchema(t), [t.locale]),
  });
  return (
    <Form method="post" {...getFormProps(form)} aria-labelledby={`route-step-${step.id}-heading`}>
      <ErrorSummary form={form} />
      <input type="hidden" name="matchId" value={matchId} />
      <input type="hidden" name="stepId" value={step.id} />
      <CheckboxField meta={fields.done} label={t('route.form.done')} description={hint ? t('route.step.onListHint') : undefined} />
      <TextAreaField meta={fields.note} label={t('route.form.note')} description={t('route.form.noteHint')} rows={2} />
      <SubmitButton name="intent" value="route-step">
        {t('route.form.submit', { step: step.title })}
      </SubmitButton>
    </Form>
  );
}

function MentorCopyForm({
  matchId,
  mentorName,
  checked,
  lastResult,
}: {
  matchId: string;
  mentorName: string;
  checked: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const [form, fields] = useForm<{ mentorCopy?: boolean }>({
    id: `route-copy-${matchId}`,
    lastResult,
    defaultValue: { mentorCopy: checked ? 'on' : undefined } as never,
    ...useBrowserValidation(() => mentorCopySchema(), []),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="matchId" value={matchId} />
      <CheckboxField meta={fields.mentorCopy} label={t('route.copy.label', { name: mentorName })} />
      <SubmitButton name="intent" value="route-copy">
        {t('route.copy.submit')}
      </SubmitButton>
    </Form>
  );
}
