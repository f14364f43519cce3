import { Link } from '@remix-run/react';
import { useT, type MessageKey } from '~/i18n';

/**
 * The page for an emailed course link that leads nowhere (unknown, used or expired): what happened,
 * what to do, and the way back to the catalogue. It says nothing about the person or the course.
 */
export function CourseLinkProblem({ title, lines }: { title: MessageKey; lines: MessageKey[] }) {
  const t = useT();
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t(title)}</h1>
      {lines.map((line) => (
        <p className="utrecht-paragraph" key={line}>
          {t(line)}
        </p>
      ))}
      <p className="utrecht-paragraph">
        <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to="/cursussen">
          {t('courses.manage.toCatalogue')}
        </Link>
      </p>
    </div>
  );
}
