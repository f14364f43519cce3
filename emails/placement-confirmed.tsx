import { LabelledLine, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale } from './layout';

/** The host accepted a placement: to the host and to the participant, with the calendar invitation attached. */
export type PlacementConfirmedProps = {
  locale: Locale;
  /** Whom the email is for. */
  role: 'host' | 'participant';
  name: string;
  otherName: string;
  academyName: string;
  dates: string;
  place: string;
  url: string;
};

const nl = {
  subject: (other: string) => `Meeloopstage met ${other} staat vast`,
  heading: 'Je meeloopstage staat vast',
  hello: (name: string) => (name ? `Beste ${name},` : 'Hallo,'),
  host: (other: string, academy: string) => `Je hebt ja gezegd: ${other} (${academy}) loopt met je mee.`,
  participant: (other: string, academy: string) => `${other} heeft ja gezegd: je loopt mee voor ${academy}.`,
  when: 'Wanneer',
  where: 'Waar',
  calendar: 'In de bijlage zit de meeloopstage voor je agenda.',
  button: 'Bekijk de details',
};

const en: typeof nl = {
  subject: (other: string) => `Placement with ${other} confirmed`,
  heading: 'Your placement is confirmed',
  hello: (name: string) => (name ? `Dear ${name},` : 'Hello,'),
  host: (other: string, academy: string) => `You said yes: ${other} (${academy}) will shadow you.`,
  participant: (other: string, academy: string) => `${other} said yes: you will shadow them for ${academy}.`,
  when: 'When',
  where: 'Where',
  calendar: 'The placement for your calendar is attached.',
  button: 'See the details',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, otherName }: PlacementConfirmedProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(otherName));
}

export default function PlacementConfirmed(props: PlacementConfirmedProps) {
  const lang = resolveLocale(props.locale);
  const t = copy[lang];
  const line = props.role === 'host' ? t.host(props.otherName, props.academyName) : t.participant(props.otherName, props.academyName);
  return (
    <EmailLayout locale={lang} preview={line} title={subject(props)}>
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.hello(props.name)}</Paragraph>
      <Paragraph>{line}</Paragraph>
      <LabelledLine label={t.when}>{props.dates}</LabelledLine>
      <LabelledLine label={t.where}>{props.place}</LabelledLine>
      <Paragraph>{t.calendar}</Paragraph>
      <EmailButton href={props.url}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

PlacementConfirmed.PreviewProps = {
  locale: 'nl',
  role: 'participant',
  name: 'Fatima el Amrani',
  otherName: 'Anne Jansen',
  academyName: 'Oriëntatieprogramma burgemeesters 2027',
  dates: '12 t/m 14 april 2027',
  place: 'Zwolle',
  url: 'https://politiekactief.example/account/academies',
} satisfies PlacementConfirmedProps;
