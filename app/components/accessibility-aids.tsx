import type { FieldMetadata } from '@conform-to/react';
import { accessibilityAids, type AccessibilityAid } from '~db/schema/courses';
import { useT, type PluralKey } from '~/i18n';
import { aidKeys } from '~/modules/courses/aids';
import { CheckboxGroupField } from './ui/fields';

// The aids a person can ask for on a course (sign-up form and the registration's page), one list.

export function AccessibilityAidsField({ meta }: { meta: FieldMetadata<string[] | undefined> }) {
  const t = useT();
  return (
    <CheckboxGroupField
      meta={meta}
      legend={t('needs.aids.legend')}
      description={t('needs.aids.hint')}
      options={accessibilityAids.map((aid) => ({ value: aid, label: t(aidKeys[aid]) }))}
    />
  );
}

const sumKeys: Record<AccessibilityAid, PluralKey> = {
  'ngt-interpreter': 'needs.sum.ngt-interpreter',
  'speech-to-text-interpreter': 'needs.sum.speech-to-text-interpreter',
  'deafblind-interpreter': 'needs.sum.deafblind-interpreter',
  wheelchair: 'needs.sum.wheelchair',
  'hearing-loop': 'needs.sum.hearing-loop',
};

/** The coordinator's course page: what to arrange for the people with a seat, counted. */
export function NeedsSummarySection({ summary }: { summary: { aids: { aid: AccessibilityAid; count: number }[]; otherNeeds: number } }) {
  const t = useT();
  const empty = summary.aids.length === 0 && summary.otherNeeds === 0;
  return (
    <section className="pa-section" aria-labelledby="needs-heading">
      <h2 className="utrecht-heading-2" id="needs-heading">
        {t('needs.summary.heading')}
      </h2>
      {empty ? (
        <p className="utrecht-paragraph">{t('needs.summary.none')}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('needs.summary.intro')}</p>
          <ul className="utrecht-unordered-list">
            {summary.aids.map(({ aid, count }) => (
              <li key={aid}>{t(sumKeys[aid], { count })}</li>
            ))}
            {summary.otherNeeds ? <li>{t('needs.sum.other', { count: summary.otherNeeds })}</li> : null}
          </ul>
        </>
      )}
    </section>
  );
}
