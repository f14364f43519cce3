import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type ApplicationReceivedProps = {
  locale: Locale;
  name: string;
  networkName: string;
  organisationName: string;
  /** /account/mentoraat: the person's applications, where they can withdraw. */
  accountUrl: string;
};

const nl = {
  subject: (network: string) => `We hebben je aanvraag voor een mentor ontvangen (${network})`,
  preview: 'Je aanvraag is binnen. De coördinator zoekt een mentor die bij je past.',
  heading: 'Je aanvraag is binnen',
  intro: (network: string, organisation: string) =>
    `Bedankt voor je aanvraag voor een mentor bij ${network} van ${stop(organisation)} We hebben hem goed ontvangen.`,
  next: 'De coördinator van het netwerk zoekt een mentor die bij je past. Heeft een mentor ja gezegd? Dan krijg je een e-mail met zijn of haar gegevens. Dat kan een paar weken duren.',
  manage: 'Je aanvraag bekijken of intrekken? Dat kan op je account.',
  button: 'Mijn aanvragen bekijken',
  notYou: 'Heb jij geen mentor aangevraagd? Laat het ons dan weten door op deze e-mail te antwoorden.',
};

const en: typeof nl = {
  subject: (network: string) => `We have received your application for a mentor (${network})`,
  preview: 'Your application is in. The coordinator is looking for a mentor who suits you.',
  heading: 'Your application is in',
  intro: (network: string, organisation: string) =>
    `Thank you for applying for a mentor with ${network} of ${stop(organisation)} We have received your application.`,
  next: 'The network’s coordinator is looking for a mentor who suits you. Once a mentor has said yes, you get an email with their details. This can take a few weeks.',
  manage: 'Would you like to see or withdraw your application? You can do that in your account.',
  button: 'View my applications',
  notYou: 'Did you not apply for a mentor? Then please let us know by replying to this email.',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, networkName }: ApplicationReceivedProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(networkName));
}

export default function ApplicationReceived({ locale, name, networkName, organisationName, accountUrl }: ApplicationReceivedProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject(oneLine(networkName))} footer="account">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(networkName, organisationName)}</Paragraph>
      <Paragraph>{t.next}</Paragraph>
      <Paragraph>{t.manage}</Paragraph>
      <EmailButton href={accountUrl}>{t.button}</EmailButton>
      <Paragraph>{t.notYou}</Paragraph>
    </EmailLayout>
  );
}

ApplicationReceived.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  networkName: 'Vrouwen in de raad',
  organisationName: 'Nederlandse Vereniging voor Raadsleden',
  accountUrl: 'https://politiekactief.example/account/mentoraat',
} satisfies ApplicationReceivedProps;
