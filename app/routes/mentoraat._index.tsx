import type { MetaFunction } from '@remix-run/node';
import { useT } from '~/i18n';

export const meta: MetaFunction = () => [{ title: 'Mentoraat — Politiek Actief' }];

// What mentoring is, until applications open here (the mentoring issue builds the rest).
export default function Mentoring() {
  const t = useT();
  return (
    <article className="pa-prose">
      <h1 className="utrecht-heading-1">{t('mentoring.title')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('mentoring.lead')}</p>
      <p className="utrecht-paragraph">{t('mentoring.who')}</p>
      <p className="utrecht-paragraph">{t('mentoring.how')}</p>
      <p className="utrecht-paragraph">{t('mentoring.soon')}</p>
      <p className="utrecht-paragraph">
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/cursussen">
          {t('mentoring.courses')}
        </a>
      </p>
    </article>
  );
}
