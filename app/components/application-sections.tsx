import type { FieldMetadata } from '@conform-to/react';
import { CheckboxField, CheckboxGroupField, RadioGroupField, TextAreaField } from '~/components/ui/fields';
import { useT } from '~/i18n';
import { selfIdentifiableGroups } from '~/modules/mentoring/application-options';

// The parts that the mentoring application and the academy application ask the same way: the
// organisation's own questions (asked the same way on a course's sign-up and when changing its
// answers), the focus groups someone may name, and the disability question with its separate consent
// (special-category data, ADR 009). Each form passes its Conform fields.

type Meta = FieldMetadata<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A question the organisation adds to its form: free text, yes or no, or one of its options. */
type ExtraQuestion = { id: string; label: string; kind: 'text' | 'choice' | 'yes-no'; options?: string[]; required: boolean };

/** The organisation's own questions, each with its answer field from `answers` (the `q` fieldset). */
export function ExtraQuestions({ questions, answers }: { questions: ExtraQuestion[]; answers: Record<string, Meta | undefined> }) {
  const t = useT();
  return questions.map((question) => {
    const meta = answers[question.id]!;
    if (question.kind === 'text') {
      return <TextAreaField key={question.id} meta={meta} label={question.label} required={question.required} />;
    }
    const options =
      question.kind === 'yes-no'
        ? [
            { value: 'yes', label: t('applications.form.yes') },
            { value: 'no', label: t('applications.form.no') },
          ]
        : (question.options ?? []).map((o) => ({ value: o, label: o }));
    return <RadioGroupField key={question.id} meta={meta} legend={question.label} options={options} required={question.required} />;
  });
}

/** The focus groups someone may name for themselves, under their own heading. */
export function FocusGroupsSection({ meta, hint }: { meta: Meta; hint: string }) {
  const t = useT();
  return (
    <>
      <h2 className="utrecht-heading-2">{t('applications.form.identity')}</h2>
      <CheckboxGroupField
        meta={meta}
        legend={t('applications.form.identityLegend')}
        description={hint}
        options={selfIdentifiableGroups.map((group) => ({ value: group, label: t(`applications.form.identity.${group}`) }))}
      />
    </>
  );
}

/**
 * The disability question and its consent, set apart: what the answer is for, who never sees it
 * (`uses`: the form's own two sentences) and that the consent can be withdrawn.
 */
export function DisabilitySection({ disability, consent, uses }: { disability: Meta; consent: Meta; uses: [string, string] }) {
  const t = useT();
  return (
    <section className="pa-special-category" aria-labelledby="disability-heading">
      <h2 className="utrecht-heading-2" id="disability-heading">
        {t('applications.form.disabilityHeading')}
      </h2>
      <p className="utrecht-paragraph">{t('applications.form.disabilityWhat')}</p>
      <ul className="utrecht-unordered-list">
        {uses.map((use) => (
          <li key={use} className="utrecht-unordered-list__item">
            {use}
          </li>
        ))}
        <li className="utrecht-unordered-list__item">{t('applications.form.disabilityWithdraw')}</li>
      </ul>
      <CheckboxField meta={disability} label={t('applications.form.disability')} />
      <CheckboxField meta={consent} label={t('applications.form.disabilityConsent')} />
    </section>
  );
}
