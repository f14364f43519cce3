import { Link, Text } from '@react-email/components';
import { Fragment, useContext, type CSSProperties, type ReactNode } from 'react';
import { EmailRenderModeContext, Paragraph, colors, resolveLocale, type Locale } from './layout';

/** One meeting of a course. Every field is already formatted for display in the recipient's language. */
export type SessionLine = {
  /** e.g. "di 12 januari 2027" */
  date: string;
  /** e.g. "19:30–21:30" */
  time: string;
  /** e.g. "Stadhuis Zwolle" */
  location: string;
};

const styles = {
  list: {
    color: colors.text,
    fontSize: '16px',
    lineHeight: '24px',
    margin: '0 0 16px',
    paddingLeft: '24px',
  },
  item: {
    margin: '0 0 4px',
  },
  paragraph: {
    color: colors.text,
    fontSize: '16px',
    lineHeight: '24px',
    margin: '0 0 16px',
  },
  label: {
    fontWeight: 700,
  },
  link: {
    color: colors.primary,
    textDecoration: 'underline',
    wordBreak: 'break-all',
  },
} satisfies Record<string, CSSProperties>;

/** "di 12 januari 2027, 19:30–21:30 — Stadhuis Zwolle" */
function formatSessionLine({ date, time, location }: SessionLine): string {
  return [`${date}, ${time}`, location].filter((part) => part.trim() !== '').join(' — ');
}

/** Collapses line breaks and runs of whitespace, for text that ends up in a subject line. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * A list of items: a bulleted list in the HTML part and one item per line in
 * the plain-text part (prefixed with `textPrefix`, if given).
 */
export function ItemList({ items, textPrefix = '' }: { items: { key: string; html: ReactNode; text: string }[]; textPrefix?: string }) {
  const mode = useContext(EmailRenderModeContext);
  if (items.length === 0) return null;

  if (mode === 'text') {
    return (
      <Text style={styles.paragraph}>
        {items.map((item, index) => (
          <Fragment key={item.key}>
            {index > 0 ? <br /> : null}
            {textPrefix}
            {item.text}
          </Fragment>
        ))}
      </Text>
    );
  }

  return (
    <ul style={styles.list}>
      {items.map((item) => (
        <li key={item.key} style={styles.item}>
          {item.html}
        </li>
      ))}
    </ul>
  );
}

/**
 * The sessions of a course, one a line: "di 12 januari 2027, 19:30–21:30 — Stadhuis Zwolle".
 * Renders nothing when there are no sessions.
 */
export function SessionList({ sessions }: { sessions: SessionLine[] }) {
  return (
    <ItemList
      items={sessions.map((session, index) => ({
        key: `${index}`,
        html: (
          <>
            <strong>
              {session.date}, {session.time}
            </strong>
            {session.location.trim() !== '' ? ` — ${session.location}` : null}
          </>
        ),
        text: formatSessionLine(session),
      }))}
    />
  );
}

/** A bold label followed by a value, e.g. "Waar: Stadhuis Zwolle". */
export function LabelledLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text style={styles.paragraph}>
      <span style={styles.label}>{label}:</span> {children}
    </Text>
  );
}

/**
 * A link whose visible text is the URL itself, for links inside a sentence
 * (the plain-text part shows the URL once).
 */
export function UrlLink({ href }: { href: string }) {
  return (
    <Link href={href} style={styles.link}>
      {href}
    </Link>
  );
}

const greetings = {
  nl: (name: string) => (name ? `Hoi ${name},` : 'Hoi,'),
  en: (name: string) => (name ? `Hi ${name},` : 'Hi,'),
} satisfies Record<Locale, (name: string) => string>;

export function Greeting({ locale, name }: { locale: Locale; name: string }) {
  return <Paragraph>{greetings[resolveLocale(locale)](name.trim())}</Paragraph>;
}

const scheduleCopy = {
  nl: { when: 'Wanneer', where: 'Waar', online: 'Online meedoen' },
  en: { when: 'When', where: 'Where', online: 'Join online' },
} satisfies Record<Locale, Record<string, string>>;

/** When and where: the sessions, the venue (if any) and the online link (if any). */
export function CourseSchedule({
  locale,
  sessions,
  venue,
  onlineUrl = null,
}: {
  locale: Locale;
  sessions: SessionLine[];
  venue: string;
  onlineUrl?: string | null;
}) {
  const t = scheduleCopy[resolveLocale(locale)];
  return (
    <>
      {sessions.length > 0 ? (
        <>
          <Text style={{ ...styles.paragraph, margin: '0 0 8px' }}>
            <span style={styles.label}>{t.when}:</span>
          </Text>
          <SessionList sessions={sessions} />
        </>
      ) : null}
      {venue.trim() !== '' ? <LabelledLine label={t.where}>{venue}</LabelledLine> : null}
      {onlineUrl ? (
        <LabelledLine label={t.online}>
          <UrlLink href={onlineUrl} />
        </LabelledLine>
      ) : null}
    </>
  );
}
