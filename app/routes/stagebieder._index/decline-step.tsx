import { getFormProps, useForm } from '@conform-to/react';
import { useActionData } from '@remix-run/react';
import { ConfirmStep } from '~/components/ui/confirm-step';
import { ErrorSummary } from '~/components/ui/error-summary';
import { TextAreaField } from '~/components/ui/fields';
import { useBrowserValidation } from '~/components/ui/validation';
import { useT } from '~/i18n';
import { declineSchema, type DeclineFields } from '~/modules/placements/schemas';
import type { action } from './route';

/**
 * Saying no to a proposed participant (`?afwijzen=<placement id>#afwijzen`): the kit's step with the
 * reason in its form, which the coordinator reads. It posts to its own URL, so a refused reason comes
 * back with the step still open and its error summary focused.
 */
export function DeclineStep({ id, participant }: { id: string; participant: string }) {
  const t = useT();
  const answer = useActionData<typeof action>();
  const lastResult = answer?.form === 'decline' ? answer.result : undefined;
  const [form, fields] = useForm<DeclineFields>({
    id: 'decline-placement',
    lastResult,
    ...useBrowserValidation(() => declineSchema(t), [t.locale]),
  });
  const here = `/stagebieder?afwijzen=${id}`;
  return (
    <ConfirmStep
      id="afwijzen"
      heading={t('placements.respond.declineHeading', { participant })}
      intent="decline"
      fields={{ placementId: id }}
      submit={t('placements.respond.declineConfirm')}
      keepTo="/stagebieder"
      keep={t('placements.respond.keep')}
      action={here}
      form={getFormProps(form)}
      refused={lastResult !== undefined}
      inside={
        <>
          <ErrorSummary form={form} />
          <TextAreaField
            meta={fields.reason}
            label={t('placements.respond.reason')}
            description={t('placements.respond.reasonHint')}
            required
            rows={3}
          />
        </>
      }
    >
      {null}
    </ConfirmStep>
  );
}
