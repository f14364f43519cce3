import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import type { ReactNode } from 'react';
import { DataTable } from '~/components/ui/data-table';
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
    <DataTable
      id={id}
      caption={caption}
      rows={sessions}
      rowKey={(s) => s.id}
      columns={[
        { key: 'number', header: t('courses.sessions.number'), cell: (_, i) => i + 1 },
        { key: 'date', header: t('courses.sessions.date'), cell: (s) => s.date },
        { key: 'time', header: t('courses.sessions.time'), cell: (s) => s.time },
        { key: 'place', header: t('courses.sessions.place'), cell: (s) => s.location },
      ]}
    />
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
