import { LabelledLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, type Locale } from './layout';

// What the emails to both people of a placement share (placement-confirmed, placement-update): who it
// is for and about, the greeting, when and where, and the button. Each template adds only its own
// subject, heading, sentence and closing notes.

export type PlacementEmailProps = {
  locale: Locale;
  /** Whom the email is for. */
  role: 'host' | 'participant';
  name: string;
  /** Empty when the other person deleted their account: they are not named. */
  otherName: string;
  academyName: string;
  dates: string;
  place: string;
  url: string;
};

const shared = {
  nl: { hello: (name: string) => (name ? `Beste ${name},` : 'Hallo,'), when: 'Wanneer', where: 'Waar' },
  en: { hello: (name: string) => (name ? `Dear ${name},` : 'Hello,'), when: 'When', where: 'Where' },
} satisfies Record<Locale, { hello: (name: string) => string; when: string; where: string }>;

/** The body: heading, greeting, what happened (also the preview), when and where, notes, button. */
export function PlacementEmail({
  lang,
  title,
  heading,
  line,
  notes,
  button,
  props,
}: {
  lang: Locale;
  title: string;
  heading: string;
  line: string;
  notes: string[];
  button: string;
  props: PlacementEmailProps;
}) {
  const t = shared[lang];
  return (
    <EmailLayout locale={lang} preview={line} title={title}>
      <EmailHeading>{heading}</EmailHeading>
      <Paragraph>{t.hello(props.name)}</Paragraph>
      <Paragraph>{line}</Paragraph>
      <LabelledLine label={t.when}>{props.dates}</LabelledLine>
      <LabelledLine label={t.where}>{props.place}</LabelledLine>
      {notes.map((note) => (
        <Paragraph key={note}>{note}</Paragraph>
      ))}
      <EmailButton href={props.url}>{button}</EmailButton>
    </EmailLayout>
  );
}

/** The example every preview of these templates starts from. */
export const placementPreview = {
  locale: 'nl',
  role: 'participant',
  name: 'Fatima el Amrani',
  otherName: 'Anne Jansen',
  academyName: 'Oriëntatieprogramma burgemeesters 2027',
  dates: '12 t/m 14 april 2027',
  place: 'Zwolle',
  url: 'https://politiekactief.example/account/academies',
} satisfies PlacementEmailProps;
