import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Link } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import type { ReactNode } from 'react';
import { useT } from '~/i18n';
import { DataTable } from './ui/data-table';
import { RadioGroupField, TextAreaField, TextField } from './ui/fields';
import { SubmitButton } from './form';
import { ErrorSummary } from './ui/error-summary';
import { ConfirmStep } from './ui/confirm-step';
import { useBrowserValidation } from './ui/validation';
import { checkInSchema, reasonSchema, type CheckInFields, type ReasonFields } from '~/modules/mentoring/match-schemas';

// Building blocks of the match pages (/mentor, /mentor/voorstellen/:id, /koppeling/:id, the
// coordinator's list). Props are plain data the loaders already put in the reader's language.

export type MenteeProfile = {
  firstName: string;
  municipality: string;
  themes: string[];
  goals: string[];
  goalsText: string;
  meetingModes: string[];
  languages: string[];
  availability: string[];
};

/** An action's answer to one of several forms on a page: which form, and conform's result. */
type FormReply = { form: string; result: SubmissionResult<string[]> };

export const replyFor = (reply: unknown, form: string) => {
  const r = reply as FormReply | undefined;
  return r && typeof r === 'object' && 'form' in r && r.form === form ? r.result : undefined;
};

function List({ items }: { items: string[] }) {
  const t = useT();
  return items.length ? <>{items.join(', ')}</> : <>{t('matches.field.none')}</>;
}

export function MenteeDetails({ mentee }: { mentee: MenteeProfile }) {
  const t = useT();
  return (
    <dl className="pa-details">
      <dt>{t('matches.field.municipality')}</dt>
      <dd>{mentee.municipality}</dd>
      <dt>{t('matches.field.themes')}</dt>
      <dd>
        <List items={mentee.themes} />
      </dd>
      <dt>{t('matches.field.goals', { name: mentee.firstName })}</dt>
      <dd>
        <List items={mentee.goals} />
      </dd>
      {mentee.goalsText ? (
        <>
          <dt>{t('matches.field.goalsText')}</dt>
          <dd className="pa-plain-text">{mentee.goalsText}</dd>
        </>
      ) : null}
      <dt>{t('matches.field.meetingModes')}</dt>
      <dd>
        <List items={mentee.meetingModes} />
      </dd>
      <dt>{t('matches.field.languages')}</dt>
      <dd>
        <List items={mentee.languages} />
      </dd>
      <dt>{t('matches.field.availability')}</dt>
      <dd>
        <List items={mentee.availability} />
      </dd>
    </dl>
  );
}

export function ProposalReasons({ id, reasons, score, level = 3 }: { id: string; reasons: string[]; score: number; level?: 2 | 3 | 4 }) {
  const t = useT();
  const Heading = `h${level}` as const;
  return (
    <>
      <Heading className={`utrecht-heading-${level}`} id={id}>
        {t('matches.proposal.why')}
      </Heading>
      {reasons.length ? (
        <ul className="utrecht-unordered-list" aria-labelledby={id}>
          {reasons.map((r) => (
            <li className="utrecht-unordered-list__item" key={r}>
              {r}
            </li>
          ))}
        </ul>
      ) : (
        <p className="utrecht-paragraph">{t('matches.proposal.noReasons')}</p>
      )}
      <p className="utrecht-paragraph pa-note">{t('matches.proposal.score', { score })}</p>
    </>
  );
}

/** Where each step that asks for a reason lives: its fragment, heading id and query parameter. */
const reasonStepIds = { end: 'stoppen', decline: 'afzeggen' } as const;

/**
 * A match change that asks for a reason and cannot be undone: ending a match (`?stoppen=<match id>`)
 * or declining a proposal (`?afzeggen=<match id>`), the kit's confirmation step with the reason in its
 * form. Its button sends `confirm=yes`; the action refuses an empty reason at the step's own URL.
 */
export function ReasonStep({
  intent,
  matchId,
  heading,
  children,
  label,
  submit,
  keepTo,
  keep,
  lastResult,
}: {
  intent: keyof typeof reasonStepIds;
  matchId: string;
  heading: string;
  children: ReactNode;
  label: string;
  submit: string;
  keepTo: string;
  keep: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const [form, fields] = useForm<ReasonFields>({
    id: `${intent}-${matchId}`,
    lastResult,
    ...useBrowserValidation(() => reasonSchema(t), [t.locale]),
  });
  return (
    <ConfirmStep
      id={reasonStepIds[intent]}
      heading={heading}
      intent={intent}
      fields={{ matchId }}
      submit={submit}
      keepTo={keepTo}
      keep={keep}
      form={getFormProps(form)}
      refused={lastResult !== undefined}
      inside={
        <>
          <ErrorSummary form={form} />
          <TextAreaField meta={fields.reason} label={label} required />
        </>
      }
    >
      {children}
    </ConfirmStep>
  );
}

/**
 * Declining a proposal, on /mentor and on the proposal's own page (`page`, its path): the proposal
 * closes for good and the mentee goes back to the list, so a link leads to the confirmation step.
 */
export function DeclineProposal({
  matchId,
  name,
  page,
  declining,
  lastResult,
  headingLevel,
  keepTo,
}: {
  matchId: string;
  name: string;
  page: string;
  declining: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
  headingLevel: 2 | 4;
  keepTo: string;
}) {
  const t = useT();
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      <Heading className={`utrecht-heading-${headingLevel}`} id={`decline-heading-${matchId}`}>
        {t('matches.proposal.declineHeading')}
      </Heading>
      {declining ? (
        <ReasonStep
          intent="decline"
          matchId={matchId}
          heading={t('matches.proposal.declineConfirmHeading', { name })}
          label={t('matches.proposal.declineReason')}
          submit={t('matches.proposal.declineSubmit')}
          keepTo={keepTo}
          keep={t('matches.proposal.declineKeep')}
          lastResult={lastResult}
        >
          <p className="utrecht-paragraph">
            {t('matches.proposal.declineIntro', { name })} {t('matches.proposal.declineFinal')}
          </p>
        </ReasonStep>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('matches.proposal.declineIntro', { name })}</p>
          <p className="utrecht-paragraph">
            <Link
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              to={`${page}?${reasonStepIds.decline}=${matchId}#${reasonStepIds.decline}`}
            >
              {t('matches.proposal.decline')}
            </Link>
          </p>
        </>
      )}
    </>
  );
}

export function AcceptForm({ matchId, name, action }: { matchId: string; name: string; action?: string }) {
  const t = useT();
  return (
    <Form method="post" action={action}>
      <input type="hidden" name="matchId" value={matchId} />
      <SubmitButton name="intent" value="accept">
        {t('matches.proposal.accept', { name })}
      </SubmitButton>
    </Form>
  );
}

export type CheckIn = { id: string; happenedOn: string; mode: string; note: string; authorName: string | null };

export function CheckInTable({ id, caption, rows }: { id: string; caption: string; rows: CheckIn[] }) {
  const t = useT();
  if (rows.length === 0) return <p className="utrecht-paragraph">{t('matches.checkIns.none')}</p>;
  return (
    <DataTable
      id={id}
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { key: 'date', header: t('matches.checkIns.date'), cell: (r) => r.happenedOn, rowHeader: true },
        { key: 'mode', header: t('matches.checkIns.mode'), cell: (r) => r.mode },
        { key: 'note', header: t('matches.checkIns.note'), cell: (r) => r.note, className: 'pa-plain-text' },
        { key: 'by', header: t('matches.checkIns.by'), cell: (r) => r.authorName ?? '' },
      ]}
    />
  );
}

export function CheckInForm({
  id,
  matchId,
  today,
  lastResult,
  action,
  headingLevel = 3,
}: {
  id: string;
  matchId: string;
  today: string;
  lastResult: SubmissionResult<string[]> | undefined;
  action?: string;
  headingLevel?: 2 | 3 | 4;
}) {
  const t = useT();
  const [form, fields] = useForm<CheckInFields>({
    id,
    lastResult,
    defaultValue: { happenedOn: today },
    ...useBrowserValidation(() => checkInSchema(t, today), [t.locale, today]),
  });
  const Heading = `h${headingLevel}` as const;
  const modes = ['in-person', 'online', 'phone', 'message'] as const;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <Heading className={`utrecht-heading-${headingLevel}`} id={`${id}-heading`}>
        {t('matches.checkIns.formHeading')}
      </Heading>
      <p className="utrecht-paragraph">{t('matches.checkIns.formIntro')}</p>
      <Form method="post" action={action} {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <input type="hidden" name="matchId" value={matchId} />
        <TextField meta={fields.happenedOn} type="date" label={t('matches.checkIns.happenedOn')} required short max={today} />
        <RadioGroupField
          meta={fields.mode}
          legend={t('matches.checkIns.modeLegend')}
          options={modes.map((m) => ({ value: m, label: t(`matches.mode.${m}`) }))}
          required
        />
        <TextAreaField meta={fields.note} label={t('matches.checkIns.noteLabel')} description={t('matches.checkIns.noteHint')} />
        <SubmitButton name="intent" value="check-in">
          {t('matches.checkIns.submit')}
        </SubmitButton>
      </Form>
    </section>
  );
}

export function ContactDetails({ email, phone }: { email: string; phone: string | null }) {
  const t = useT();
  return (
    <dl className="pa-details">
      <dt>{t('matches.field.email')}</dt>
      <dd>
        <a className="utrecht-link" href={`mailto:${email}`}>
          {email}
        </a>
      </dd>
      {phone ? (
        <>
          <dt>{t('matches.field.phone')}</dt>
          <dd>
            <a className="utrecht-link" href={`tel:${phone.replace(/[^\d+]/g, '')}`}>
              {phone}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function Section({ id, title, children, level = 2 }: { id: string; title: string; children: ReactNode; level?: 2 | 3 }) {
  const Heading = `h${level}` as const;
  return (
    <section className="pa-section" aria-labelledby={id}>
      <Heading className={`utrecht-heading-${level}`} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
