import { EmailButton, EmailHeading, EmailLayout, formatDuration, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type MentorInvitationProps = {
  locale: Locale;
  name: string;
  networkName: string;
  organisationName: string;
  invitedBy: string;
  url: string;
  expiresInDays: number;
};

const nl = {
  subject: (network: string) => `Uitnodiging: word mentor in ${network}`,
  preview: (organisation: string) => `${organisation} vraagt of je mentor wilt worden.`,
  heading: 'Word je mentor?',
  greeting: (name: string) => `Beste ${name},`,
  intro: (by: string, organisation: string, network: string) =>
    `${by} van ${organisation} nodigt je uit om mentor te worden in het netwerk ${stop(network)} Als mentor help je iemand die nieuw is in de lokale politiek een paar maanden op weg.`,
  how: 'Open de link om de uitnodiging te bekijken. Heb je nog geen account? Dan maak je er meteen een. Daarna vul je je mentorprofiel in: wie je bent, waar je woont en hoeveel mensen je wilt begeleiden.',
  button: 'Uitnodiging bekijken',
  validity: (days: number) => `De link werkt ${formatDuration('nl', days, 'days')} en je kunt hem één keer gebruiken.`,
  notYou: 'Verwachtte je deze e-mail niet? Dan kun je hem negeren. Er gebeurt niets zonder dat je de uitnodiging accepteert.',
};

const en: typeof nl = {
  subject: (network: string) => `Invitation: become a mentor in ${network}`,
  preview: (organisation: string) => `${organisation} asks whether you would like to be a mentor.`,
  heading: 'Will you be a mentor?',
  greeting: (name: string) => `Dear ${name},`,
  intro: (by: string, organisation: string, network: string) =>
    `${by} of ${organisation} invites you to be a mentor in the network ${stop(network)} As a mentor you help someone who is new to local politics for a few months.`,
  how: 'Open the link to see the invitation. No account yet? Then you create one straight away. After that you fill in your mentor profile: who you are, where you live and how many people you want to mentor.',
  button: 'View the invitation',
  validity: (days: number) => `The link works for ${formatDuration('en', days, 'days')} and you can use it once.`,
  notYou: 'Not expecting this email? Then you can ignore it. Nothing happens unless you accept the invitation.',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, networkName }: MentorInvitationProps): string {
  return copy[resolveLocale(locale)].subject(networkName);
}

export default function MentorInvitation({
  locale,
  name,
  networkName,
  organisationName,
  invitedBy,
  url,
  expiresInDays,
}: MentorInvitationProps) {
  const t = copy[resolveLocale(locale)];
  return (
    <EmailLayout locale={resolveLocale(locale)} preview={t.preview(organisationName)} title={t.subject(networkName)}>
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.greeting(name)}</Paragraph>
      <Paragraph>{t.intro(invitedBy, organisationName, networkName)}</Paragraph>
      <Paragraph>{t.how}</Paragraph>
      <EmailButton href={url}>{t.button}</EmailButton>
      <Paragraph>{t.validity(expiresInDays)}</Paragraph>
      <Paragraph>{t.notYou}</Paragraph>
    </EmailLayout>
  );
}

MentorInvitation.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  networkName: 'Vrouwen in de raad',
  organisationName: 'Nederlandse Vereniging voor Raadsleden',
  invitedBy: 'Cor Coördinator',
  url: 'https://politiekactief.example/mentor/uitnodiging/voorbeeld',
  expiresInDays: 14,
} satisfies MentorInvitationProps;
