import type { TokenProblem as Problem } from '~/modules/auth/tokens.server';
import { useT } from '~/i18n';

/** The page for a link that is forged, expired or used: says which, and how to get a new one. */
export function TokenProblem({ problem, retry }: { problem: Problem; retry: 'login' | 'reset' }) {
  const t = useT();
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t(`token.${problem}.title`)}</h1>
      <p className="utrecht-paragraph">{t(`token.${problem}.body`)}</p>
      <p className="utrecht-paragraph">
        <a
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href={retry === 'login' ? '/inloggen' : '/wachtwoord-vergeten'}
        >
          {retry === 'login' ? t('token.newLogin') : t('token.newReset')}
        </a>
      </p>
    </div>
  );
}
