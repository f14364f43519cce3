import { Fragment } from 'react';
import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type CoordinatorMessageProps = {
  locale: Locale;
  name: string;
  courseTitle: string;
  organisationName: string;
  /** Subject as typed by the coordinator. */
  subject: string;
  /** Message as typed by the coordinator: plain text, blank lines between paragraphs. */
  body: string;
  manageUrl: string;
};

const nl = {
  subject: (course: string, subject: string) => (subject ? `Bericht over ${course}: ${subject}` : `Bericht over ${course}`),
  preview: (organisation: string, course: string) => `${organisation} stuurt je een bericht over ${stop(course)}`,
  intro: (organisation: string, course: string) =>
    `${organisation} stuurt je dit bericht omdat je bent aangemeld voor ${stop(course)} Politiek Actief heeft het bericht voor hen verstuurd.`,
  messageLabel: 'Het bericht:',
  manage: 'Wil je je aanmelding bekijken, of kun je niet meer komen? Gebruik dan de knop hieronder.',
  button: 'Aanmelding bekijken of afmelden',
};

const en: typeof nl = {
  subject: (course: string, subject: string) => (subject ? `Message about ${course}: ${subject}` : `Message about ${course}`),
  preview: (organisation: string, course: string) => `${organisation} sends you a message about ${stop(course)}`,
  intro: (organisation: string, course: string) =>
    `${organisation} sends you this message because you are registered for ${stop(course)} Politiek Actief sent the message on their behalf.`,
  messageLabel: 'The message:',
  manage: 'Would you like to see your registration, or can you no longer come? Then use the button below.',
  button: 'View or cancel your registration',
};

const copy: Record<Locale, typeof nl> = { nl, en };

/**
 * Splits text typed by a coordinator into paragraphs (on blank lines) and
 * lines (on single line breaks). The result is rendered as React text, which
 * React escapes: markup in the message shows up as text.
 */
export function messageParagraphs(body: string): string[][] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => paragraph.split('\n').map((line) => line.trimEnd()));
}

export function subject({ locale, courseTitle, subject: messageSubject }: CoordinatorMessageProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(courseTitle), oneLine(messageSubject));
}

export default function CoordinatorMessage({
  locale,
  name,
  courseTitle,
  organisationName,
  subject: messageSubject,
  body,
  manageUrl,
}: CoordinatorMessageProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  const heading = oneLine(messageSubject);
  return (
    <EmailLayout
      locale={lang}
      preview={t.preview(organisationName, courseTitle)}
      title={t.subject(oneLine(courseTitle), heading)}
      footer="course"
    >
      <EmailHeading>{heading || oneLine(courseTitle)}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(organisationName, courseTitle)}</Paragraph>
      <Paragraph>
        <strong>{t.messageLabel}</strong>
      </Paragraph>
      {messageParagraphs(body).map((lines, index) => (
        <Paragraph key={index}>
          {lines.map((line, lineIndex) => (
            <Fragment key={lineIndex}>
              {lineIndex > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </Paragraph>
      ))}
      <Paragraph>{t.manage}</Paragraph>
      <EmailButton href={manageUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

CoordinatorMessage.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  courseTitle: 'Politiek Actief Zwolle',
  organisationName: 'Stichting Samen Zwolle',
  subject: 'Andere ingang op dinsdag',
  body: 'Hoi allemaal,\n\nDinsdag is de hoofdingang van het stadhuis dicht.\nGebruik de ingang aan de achterkant, bij de fietsenstalling.\n\nTot dinsdag!\nAnouk',
  manageUrl: 'https://politiekactief.example/aanmelding/voorbeeld',
} satisfies CoordinatorMessageProps;
