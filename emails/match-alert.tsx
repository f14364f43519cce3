import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, formatDuration, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type MatchAlertProps = {
  locale: Locale;
  /** The coordinator. */
  name: string;
  networkName: string;
  mentorName: string;
  menteeFirstName: string;
  daysWaiting: number;
  expiresOn: string;
  matchesUrl: string;
};

const nl = {
  subject: (network: string) => `Een voorstel in ${network} heeft nog geen antwoord`,
  preview: (mentor: string, days: number) => `${mentor} heeft na ${formatDuration('nl', days, 'days')} nog niet gereageerd.`,
  heading: 'Een mentor heeft nog niet geantwoord',
  intro: (mentor: string, mentee: string, days: number, network: string) =>
    `${mentor} is ${formatDuration('nl', days, 'days')} geleden voorgesteld als mentor van ${mentee} in ${network}, en heeft nog niet ja of nee gezegd.`,
  expiry: (date: string) =>
    `Komt er geen antwoord, dan vervalt het voorstel op ${stop(date)} De mentee komt dan weer op de wachtlijst. Misschien wil je de mentor even bellen.`,
  button: 'Koppelingen van het netwerk bekijken',
};

const en: typeof nl = {
  subject: (network: string) => `A proposal in ${network} has not been answered`,
  preview: (mentor: string, days: number) => `${mentor} has not answered after ${formatDuration('en', days, 'days')}.`,
  heading: 'A mentor has not answered yet',
  intro: (mentor: string, mentee: string, days: number, network: string) =>
    `${mentor} was proposed ${formatDuration('en', days, 'days')} ago as the mentor of ${mentee} in ${network}, and has not said yes or no yet.`,
  expiry: (date: string) =>
    `Without an answer, the proposal expires on ${stop(date)} The mentee then goes back on the waiting list. You may want to give the mentor a call.`,
  button: 'View the matches of the network',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, networkName }: MatchAlertProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(networkName));
}

export default function MatchAlert({
  locale,
  name,
  networkName,
  mentorName,
  menteeFirstName,
  daysWaiting,
  expiresOn,
  matchesUrl,
}: MatchAlertProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout
      locale={lang}
      preview={t.preview(oneLine(mentorName), daysWaiting)}
      title={t.subject(oneLine(networkName))}
      footer="account"
    >
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(mentorName, menteeFirstName, daysWaiting, networkName)}</Paragraph>
      <Paragraph>{t.expiry(expiresOn)}</Paragraph>
      <EmailButton href={matchesUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

MatchAlert.PreviewProps = {
  locale: 'nl',
  name: 'Coördinator',
  networkName: 'Vrouwen in de raad',
  mentorName: 'Jan de Vries',
  menteeFirstName: 'Fatima',
  daysWaiting: 10,
  expiresOn: '15 maart 2027',
  matchesUrl: 'https://politiekactief.example/beheer/netwerken/voorbeeld/koppelingen',
} satisfies MatchAlertProps;
