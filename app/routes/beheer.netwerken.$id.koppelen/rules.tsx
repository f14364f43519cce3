import { getFormProps, useForm } from '@conform-to/react';
import { Link, useActionData, type useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { ErrorSummary } from '~/components/ui/error-summary';
import { RadioGroupField } from '~/components/ui/fields';
import { useBrowserValidation } from '~/components/ui/validation';
import { moveMenteeSchema, type MoveMenteeFields } from '~/modules/mentoring/move-schema';
import { SubmitButton } from '~/components/form';
import { useLocale, useT } from '~/i18n';
import { DataTable } from '~/components/ui/data-table';
import { ActionButton, Hidden } from '~/components/manage-courses';
import type { action, loader } from './route';
import { draftQueryString, pagePath } from './query';

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export function Move({ data: d, runId }: { data: LoaderData; runId: string }) {
  const t = useT();
  const locale = useLocale();
  const acted = useActionData<typeof action>();
  const move = d.move!;
  const [form, fields] = useForm<MoveMenteeFields>({
    id: 'move',
    lastResult: acted?.intent === 'move' ? acted.result : undefined,
    ...useBrowserValidation(() => moveMenteeSchema(t), [t.locale]),
  });
  return (
    <section className="pa-section pa-action" id="verplaatsen" aria-labelledby="move-heading">
      <h3 className="utrecht-heading-3" id="move-heading">
        {t('matchingRuns.move.heading', { mentee: move.menteeName })}
      </h3>
      <p className="utrecht-paragraph">{t('matchingRuns.move.intro')}</p>
      {move.currentMentor ? <p className="utrecht-paragraph">{t('matchingRuns.move.current', { mentor: move.currentMentor })}</p> : null}
      {move.options.length === 0 ? (
        <p className="utrecht-paragraph">{t('matchingRuns.move.none')}</p>
      ) : (
        <Form
          method="post"
          action={`${pagePath(d.network.id)}${draftQueryString(d.query, { verplaats: move.applicationId })}`}
          {...getFormProps(form)}
        >
          <ErrorSummary form={form} />
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="runId" value={runId} />
          <input type="hidden" name="applicationId" value={move.applicationId} />
          <RadioGroupField
            meta={fields.mentorProfileId}
            legend={t('matchingRuns.move.legend')}
            required
            options={move.options.map((o) => ({
              value: o.mentorProfileId,
              label: t('matchingRuns.move.option', { mentor: o.name, score: o.score }),
              note: o.reasons.length > 0 ? o.reasons.map((r) => (locale === 'en' ? r.en : r.nl)).join('. ') : undefined,
            }))}
          />
          <div className="pa-button-row">
            <SubmitButton>{t('matchingRuns.move.submit')}</SubmitButton>
            <Link className="utrecht-link" to={`${pagePath(d.network.id)}${draftQueryString(d.query)}`}>
              {t('matchingRuns.move.cancel')}
            </Link>
          </div>
        </Form>
      )}
      {move.options.length === 0 ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`${pagePath(d.network.id)}${draftQueryString(d.query)}`}>
            {t('matchingRuns.move.cancel')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

export function Rules({ data: d }: { data: LoaderData }) {
  const t = useT();
  const dropped = new Set(d.droppedPins);
  return (
    <section className="pa-section" aria-labelledby="rules-heading">
      <h3 className="utrecht-heading-3" id="rules-heading">
        {t('matchingRuns.rules.heading')}
      </h3>
      {d.rules.length === 0 ? (
        <p className="utrecht-paragraph">{t('matchingRuns.rules.none')}</p>
      ) : (
        <DataTable
          id="rules-caption"
          caption={t('matchingRuns.rules.caption')}
          rows={d.rules}
          rowKey={(r) => `${r.applicationId}:${r.mentorProfileId}`}
          columns={[
            { key: 'mentee', header: t('matchingRuns.pairs.mentee'), rowHeader: true, cell: (r) => r.menteeName },
            { key: 'mentor', header: t('matchingRuns.pairs.mentor'), cell: (r) => r.mentorName },
            {
              key: 'kind',
              header: t('matchingRuns.rules.kind'),
              cell: (r) => (
                <>
                  {r.kind === 'pin' ? t('matchingRuns.rules.pin') : t('matchingRuns.rules.forbid')}
                  {d.run?.status === 'draft' && dropped.has(`${r.applicationId}:${r.mentorProfileId}`) ? (
                    <>
                      <br />
                      <strong>{t('matchingRuns.rules.droppedShort')}</strong>: {t('matchingRuns.rules.dropped')}
                    </>
                  ) : null}
                  {r.menteeStatus === 'proposed' || r.menteeStatus === 'matched' ? (
                    <>
                      <br />
                      {r.menteeStatus === 'proposed' ? t('matchingRuns.rules.menteeProposed') : t('matchingRuns.rules.menteeMatched')}
                    </>
                  ) : null}
                </>
              ),
            },
          ]}
          actions={{
            header: t('matchingRuns.pairs.actions'),
            cell: (r) => (
              <ActionButton intent="remove-rule" fields={{ applicationId: r.applicationId, mentorProfileId: r.mentorProfileId }}>
                {t('matchingRuns.rules.remove')}
                <Hidden>: {t('matchingRuns.pairs.pairLabel', { mentee: r.menteeName, mentor: r.mentorName })}</Hidden>
              </ActionButton>
            ),
          }}
        />
      )}
    </section>
  );
}
