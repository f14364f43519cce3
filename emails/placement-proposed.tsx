import { LabelledLine, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale } from './layout';

/** Sent to a host when the coordinator publishes the placements: who would shadow them, to accept or decline. */
export type PlacementProposedProps = {
  locale: Locale;
  hostName: string;
  participantName: string;
  participantMunicipality: string;
  academyName: string;
  dates: string;
  url: string;
};

const nl = {
  subject: (name: string) => `Wil je ${name} laten meelopen?`,
  heading: 'Een deelnemer voor je meeloopstage',
  hello: (name: string) => (name ? `Beste ${name},` : 'Hallo,'),
  intro: (name: string, academy: string) => `We stellen voor dat ${name} (${academy}) met je meeloopt. Zeg ja of nee op je pagina.`,
  who: 'Deelnemer',
  where: 'Woont in',
  when: 'Wanneer',
  button: 'Ja of nee zeggen',
};

const en: typeof nl = {
  subject: (name: string) => `Will you let ${name} shadow you?`,
  heading: 'A participant for your placement',
  hello: (name: string) => (name ? `Dear ${name},` : 'Hello,'),
  intro: (name: string, academy: string) => `We propose that ${name} (${academy}) shadows you. Say yes or no on your page.`,
  who: 'Participant',
  where: 'Lives in',
  when: 'When',
  button: 'Say yes or no',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, participantName }: PlacementProposedProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(participantName));
}

export default function PlacementProposed(props: PlacementProposedProps) {
  const lang = resolveLocale(props.locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.intro(props.participantName, props.academyName)} title={subject(props)}>
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.hello(props.hostName)}</Paragraph>
      <Paragraph>{t.intro(props.participantName, props.academyName)}</Paragraph>
      <LabelledLine label={t.who}>{props.participantName}</LabelledLine>
      {props.participantMunicipality ? <LabelledLine label={t.where}>{props.participantMunicipality}</LabelledLine> : null}
      <LabelledLine label={t.when}>{props.dates}</LabelledLine>
      <EmailButton href={props.url}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

PlacementProposed.PreviewProps = {
  locale: 'nl',
  hostName: 'Anne Jansen',
  participantName: 'Fatima el Amrani',
  participantMunicipality: 'Zwolle',
  academyName: 'Oriëntatieprogramma burgemeesters 2027',
  dates: '12 t/m 14 april 2027',
  url: 'https://politiekactief.example/stagebieder',
} satisfies PlacementProposedProps;
