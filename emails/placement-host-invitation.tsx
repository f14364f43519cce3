import { oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, formatDuration, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type PlacementHostInvitationProps = {
  locale: Locale;
  name: string;
  academyName: string;
  organisationName: string;
  invitedBy: string;
  url: string;
  expiresInDays: number;
};

const nl = {
  subject: (academy: string) => `Uitnodiging: laat deelnemers van ${academy} met je meelopen`,
  preview: (organisation: string) => `${organisation} vraagt of je een meeloopstage wilt aanbieden.`,
  heading: 'Wil je een meeloopstage aanbieden?',
  hello: (name: string) => (name ? `Beste ${name},` : 'Hallo,'),
  intro: (by: string, organisation: string, academy: string) =>
    `${by} van ${organisation} vraagt of deelnemers van ${stop(academy)} een paar dagen met je mogen meelopen. Je kiest zelf de dagen, de plaats en hoeveel deelnemers je ontvangt. Daarna stellen wij deelnemers aan je voor, en je zegt ja of nee.`,
  button: 'Uitnodiging bekijken',
  validity: (days: number) => `De link werkt ${formatDuration('nl', days, 'days')} en je kunt hem één keer gebruiken.`,
  notYou: 'Verwachtte je deze e-mail niet? Dan kun je hem negeren.',
};

const en: typeof nl = {
  subject: (academy: string) => `Invitation: let participants of ${academy} shadow you`,
  preview: (organisation: string) => `${organisation} asks whether you would host a job-shadowing placement.`,
  heading: 'Will you host a job-shadowing placement?',
  hello: (name: string) => (name ? `Dear ${name},` : 'Hello,'),
  intro: (by: string, organisation: string, academy: string) =>
    `${by} of ${organisation} asks whether participants of ${stop(academy)} may shadow you for a few days. You choose the days, the place and how many participants you host. We then propose participants to you, and you say yes or no.`,
  button: 'View the invitation',
  validity: (days: number) => `The link works for ${formatDuration('en', days, 'days')} and you can use it once.`,
  notYou: 'Not expecting this email? Then you can ignore it.',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, academyName }: PlacementHostInvitationProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(academyName));
}

export default function PlacementHostInvitation(props: PlacementHostInvitationProps) {
  const lang = resolveLocale(props.locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview(props.organisationName)} title={subject(props)}>
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.hello(props.name)}</Paragraph>
      <Paragraph>{t.intro(props.invitedBy, props.organisationName, props.academyName)}</Paragraph>
      <EmailButton href={props.url}>{t.button}</EmailButton>
      <Paragraph>{t.validity(props.expiresInDays)}</Paragraph>
      <Paragraph>{t.notYou}</Paragraph>
    </EmailLayout>
  );
}

PlacementHostInvitation.PreviewProps = {
  locale: 'nl',
  name: 'Anne Jansen',
  academyName: 'Oriëntatieprogramma burgemeesters 2027',
  organisationName: 'Nederlands Genootschap van Burgemeesters',
  invitedBy: 'Petra de Vries',
  url: 'https://politiekactief.example/stagebieder/uitnodiging/abc',
  expiresInDays: 14,
} satisfies PlacementHostInvitationProps;
