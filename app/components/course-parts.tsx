import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useT } from '~/i18n';

// Small pieces the public course pages share.

/** Plain text from a coordinator as paragraphs: blank lines split paragraphs, single newlines stay. */
export function PlainText({ text }: { text: string }) {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <p className="utrecht-paragraph pa-plain-text" key={i}>
          {paragraph}
        </p>
      ))}
    </>
  );
}

export type SessionRow = { id: string; date: string; time: string; location: string };

/** Every session of a course: date, time and place. */
export function SessionsTable({ id, caption, sessions }: { id: string; caption: string; sessions: SessionRow[] }) {
  const t = useT();
  return (
    <div className="pa-table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
      <table className="utrecht-table">
        <caption className="utrecht-table__caption" id={id}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">
              {t('courses.sessions.number')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('courses.sessions.date')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('courses.sessions.time')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('courses.sessions.place')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {sessions.map((s, i) => (
            <tr className="utrecht-table__row" key={s.id}>
              <td className="utrecht-table__cell">{i + 1}</td>
              <td className="utrecht-table__cell">{s.date}</td>
              <td className="utrecht-table__cell">{s.time}</td>
              <td className="utrecht-table__cell">{s.location}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A message in a coloured box, with an optional heading and action below the text. */
export function Banner({
  kind,
  title,
  children,
  role = 'status',
}: {
  kind: 'ok' | 'info' | 'warning' | 'error';
  title?: string;
  children?: ReactNode;
  role?: 'status' | 'alert' | 'none';
}) {
  return (
    <div className={`utrecht-alert utrecht-alert--${kind} pa-banner`} role={role === 'none' ? undefined : role}>
      <div className="utrecht-alert__message">
        {title ? <p className="utrecht-paragraph pa-banner__title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}

/**
 * For the course pages: an unknown or unpublished course gets a 404 page with the way back to the
 * catalogue; any other error the general message.
 */
export function CourseErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{notFound ? t('courses.notFound.title') : t('error.title')}</h1>
      <p className="utrecht-paragraph">{notFound ? t('courses.notFound.body') : t('error.body')}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to="/cursussen">
          {t('courses.manage.toCatalogue')}
        </Link>
      </p>
    </div>
  );
}
