import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type MatchReminderProps = {
  locale: Locale;
  name: string;
  menteeFirstName: string;
  networkName: string;
  proposalUrl: string;
  /** The last day to answer, written out. */
  expiresOn: string;
};

const nl = {
  subject: (mentee: string) => `Wil je ${mentee} begeleiden? We horen graag je antwoord`,
  preview: (date: string) => `Je kunt tot ${date} ja of nee zeggen.`,
  heading: 'We wachten op je antwoord',
  intro: (mentee: string, network: string) =>
    `Een paar dagen geleden stelden we je voor als mentor van ${mentee} in het mentornetwerk ${stop(network)} We hebben nog geen antwoord van je.`,
  deadline: (date: string) =>
    `Zeg ja of nee vóór ${stop(date)} Past het niet? Zeg dan nee en schrijf kort waarom. Dan zoeken we een andere mentor.`,
  button: 'Voorstel bekijken',
};

const en: typeof nl = {
  subject: (mentee: string) => `Would you like to mentor ${mentee}? We look forward to your answer`,
  preview: (date: string) => `You can say yes or no until ${stop(date)}`,
  heading: 'We are waiting for your answer',
  intro: (mentee: string, network: string) =>
    `A few days ago we proposed you as the mentor of ${mentee} in the mentor network ${stop(network)} We have not had your answer yet.`,
  deadline: (date: string) =>
    `Please say yes or no before ${stop(date)} Does it not fit? Then say no and write briefly why. We will then look for another mentor.`,
  button: 'View the proposal',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, menteeFirstName }: MatchReminderProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(menteeFirstName));
}

export default function MatchReminder({ locale, name, menteeFirstName, networkName, proposalUrl, expiresOn }: MatchReminderProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview(expiresOn)} title={t.subject(oneLine(menteeFirstName))} footer="account">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(menteeFirstName, networkName)}</Paragraph>
      <Paragraph>{t.deadline(expiresOn)}</Paragraph>
      <EmailButton href={proposalUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

MatchReminder.PreviewProps = {
  locale: 'nl',
  name: 'Jan de Vries',
  menteeFirstName: 'Fatima',
  networkName: 'Vrouwen in de raad',
  proposalUrl: 'https://politiekactief.example/mentor/voorstellen/voorbeeld',
  expiresOn: '15 maart 2027',
} satisfies MatchReminderProps;
