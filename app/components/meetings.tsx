import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Link } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { sharedNeedKinds } from '~db/schema/mentoring';
import { useT } from '~/i18n';
import {
  meetingDurations,
  meetingSchema,
  sharedNeedsSchema,
  type MeetingFields,
  type SharedNeedsFields,
} from '~/modules/mentoring/meeting-schemas';
import { SubmitButton } from './form';
import { DataTable } from './ui/data-table';
import { ErrorSummary } from './ui/error-summary';
import { CheckboxField, CheckboxGroupField, SelectField, TextAreaField, TextField } from './ui/fields';
import { useBrowserValidation } from './ui/validation';

// The meetings of a match, the needs a mentee shares with their mentor, and why this mentor, on
// /koppeling/:matchId. Props are plain data the loader put in the reader's language.

export type MeetingRow = {
  id: string;
  when: string;
  duration: string;
  where: string;
  videoUrl: string;
  status: string;
  canAnswer: boolean;
  canCancel: boolean;
};

function RowButton({ intent, meetingId, label, rowLabel }: { intent: string; meetingId: string; label: string; rowLabel: string }) {
  return (
    <Form method="post" className="pa-inline-form">
      <input type="hidden" name="meetingId" value={meetingId} />
      <button type="submit" name="intent" value={intent} className="utrecht-button utrecht-button--secondary-action">
        {label}
        <span className="pa-visually-hidden">: {rowLabel}</span>
      </button>
    </Form>
  );
}

export function MeetingTable({ caption, rows, counterHref }: { caption: string; rows: MeetingRow[]; counterHref: (id: string) => string }) {
  const t = useT();
  if (rows.length === 0) return <p className="utrecht-paragraph">{t('meetings.none')}</p>;
  return (
    <DataTable
      id="meetings-caption"
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      rowId={(r) => `afspraak-${r.id}`}
      stack="wide"
      columns={[
        { key: 'when', header: t('meetings.when'), rowHeader: true, cell: (r) => r.when },
        { key: 'duration', header: t('meetings.duration'), cell: (r) => r.duration },
        {
          key: 'where',
          header: t('meetings.where'),
          cell: (r) => (
            <>
              {r.where}
              {r.where && r.videoUrl ? <br /> : null}
              {r.videoUrl ? (
                <a className="utrecht-link" href={r.videoUrl} rel="noopener noreferrer">
                  {r.videoUrl}
                </a>
              ) : null}
            </>
          ),
        },
        { key: 'status', header: t('meetings.status'), cell: (r) => r.status },
      ]}
      actions={{
        header: t('meetings.actions'),
        cell: (r) => {
          const rowLabel = t('meetings.rowLabel', { when: r.when });
          return r.canAnswer || r.canCancel ? (
            <div className="pa-button-row">
              {r.canAnswer ? (
                <>
                  <RowButton intent="meeting-accept" meetingId={r.id} label={t('meetings.accept')} rowLabel={rowLabel} />
                  <RowButton intent="meeting-decline" meetingId={r.id} label={t('meetings.decline')} rowLabel={rowLabel} />
                  <Link className="utrecht-link" to={counterHref(r.id)}>
                    {t('meetings.counter')}
                    <span className="pa-visually-hidden">: {rowLabel}</span>
                  </Link>
                </>
              ) : null}
              {r.canCancel && !r.canAnswer ? (
                <RowButton intent="meeting-cancel" meetingId={r.id} label={t('meetings.cancel')} rowLabel={rowLabel} />
              ) : null}
            </div>
          ) : null;
        },
      }}
    />
  );
}

/** Propose a meeting, or (with `meetingId`) another time for a proposal; its own Conform id per form. */
export function MeetingForm({
  id,
  heading,
  intro,
  meetingId,
  defaults,
  minDate,
  submit,
  lastResult,
}: {
  id: string;
  heading: string;
  intro?: string;
  meetingId?: string;
  defaults?: Partial<MeetingFields>;
  minDate: string;
  submit: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const [form, fields] = useForm<MeetingFields>({
    id,
    lastResult,
    defaultValue: { duration: '60', ...defaults },
    ...useBrowserValidation(() => meetingSchema(t), [t.locale]),
  });
  return (
    <section aria-labelledby={`${id}-heading`} id={`${id}-section`}>
      <h3 className="utrecht-heading-3" id={`${id}-heading`}>
        {heading}
      </h3>
      {intro ? <p className="utrecht-paragraph">{intro}</p> : null}
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        {meetingId ? <input type="hidden" name="meetingId" value={meetingId} /> : null}
        <TextField meta={fields.date} type="date" label={t('meetings.date')} required short min={minDate} />
        <TextField meta={fields.time} type="time" label={t('meetings.time')} description={t('meetings.timeHint')} required short />
        <SelectField
          meta={fields.duration}
          label={t('meetings.durationLabel')}
          required
          options={meetingDurations.map((d) => ({ value: d, label: t('meetings.minutes', { count: Number(d) }) }))}
        />
        <TextField meta={fields.place} label={t('meetings.place')} description={t('meetings.placeHint')} />
        <TextField meta={fields.videoUrl} type="url" label={t('meetings.videoUrl')} description={t('meetings.videoUrlHint')} />
        <SubmitButton name="intent" value={meetingId ? 'meeting-counter' : 'meeting-propose'}>
          {submit}
        </SubmitButton>
      </Form>
    </section>
  );
}

export type SharedNeedsView = { needs: string[]; other: string };

/** What the mentee shared, as a list (for the mentee and, while shared, the mentor). */
export function SharedNeedsList({ shared }: { shared: SharedNeedsView }) {
  const items = [...shared.needs, ...(shared.other ? [shared.other] : [])];
  return (
    <ul className="utrecht-unordered-list">
      {items.map((item) => (
        <li className="utrecht-unordered-list__item pa-plain-text" key={item}>
          {item}
        </li>
      ))}
    </ul>
  );
}

export function SharedNeedsForm({
  id,
  mentorName,
  defaults,
  submit,
  lastResult,
}: {
  id: string;
  mentorName: string;
  defaults?: { needs: string[]; other: string };
  submit: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const [form, fields] = useForm<SharedNeedsFields>({
    id,
    lastResult,
    defaultValue: defaults,
    ...useBrowserValidation(() => sharedNeedsSchema(t), [t.locale]),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <CheckboxGroupField
        meta={fields.needs}
        legend={t('sharedNeeds.needsLegend')}
        options={sharedNeedKinds.map((kind) => ({ value: kind, label: t(`sharedNeeds.need.${kind}`) }))}
      />
      <TextAreaField
        meta={fields.other}
        label={t('sharedNeeds.other')}
        description={t('sharedNeeds.otherHint', { name: mentorName })}
        rows={3}
      />
      <CheckboxField meta={fields.consent} label={t('sharedNeeds.consent', { name: mentorName })} required />
      <SubmitButton name="intent" value="needs-share">
        {submit}
      </SubmitButton>
    </Form>
  );
}

export function StopSharingButton({ label }: { label: string }) {
  return (
    <Form method="post" className="pa-inline-form">
      <button type="submit" name="intent" value="needs-stop" className="utrecht-button utrecht-button--secondary-action">
        {label}
      </button>
    </Form>
  );
}

/** Why this mentor, in sentences written to the mentee, the weightiest first. */
export function WhyMentor({ mentorName, reasons }: { mentorName: string; reasons: string[] }) {
  const t = useT();
  return (
    <section className="pa-section" aria-labelledby="why-heading">
      <h2 className="utrecht-heading-2" id="why-heading">
        {t('whyMentor.heading', { name: mentorName })}
      </h2>
      {reasons.length ? (
        <>
          <p className="utrecht-paragraph">{t('whyMentor.intro', { name: mentorName })}</p>
          <ul className="utrecht-unordered-list">
            {reasons.map((r) => (
              <li className="utrecht-unordered-list__item" key={r}>
                {r}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="utrecht-paragraph">{t('whyMentor.byHand', { name: mentorName })}</p>
      )}
    </section>
  );
}
