import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type MatchEndedProps = {
  locale: Locale;
  name: string;
  /** The recipient's role in the match. */
  role: 'mentor' | 'mentee';
  otherName: string;
  endedBy: 'mentor' | 'mentee' | 'coordinator';
  networkName: string;
  /** The mentee waits for a new mentor (when the mentor or the coordinator ended it). */
  backInPool: boolean;
  accountUrl: string;
};

// The reason someone gave for ending stays with the coordinator: it is not in this email.
const nl = {
  subject: (other: string) => `Je koppeling met ${other} is gestopt`,
  preview: (network: string) => `Je koppeling in ${network} is gestopt.`,
  heading: 'Jullie koppeling is gestopt',
  who: {
    mentor: (other: string) => `${other} heeft de koppeling gestopt.`,
    mentee: (other: string) => `${other} heeft de koppeling gestopt.`,
    coordinator: (other: string) => `De coördinator van het netwerk heeft je koppeling met ${other} gestopt.`,
  },
  menteeNext: 'Je blijft op de lijst voor een nieuwe mentor. Je hoort van ons als we iemand voor je hebben gevonden.',
  menteeClosed: 'Wil je later toch weer een mentor? Dan kun je opnieuw een aanvraag doen.',
  mentorNext: 'Bedankt voor je tijd en inzet. Je plek als mentor komt weer vrij voor iemand anders.',
  button: 'Naar je overzicht',
};

const en: typeof nl = {
  subject: (other: string) => `Your match with ${other} has ended`,
  preview: (network: string) => `Your match in ${network} has ended.`,
  heading: 'Your match has ended',
  who: {
    mentor: (other: string) => `${other} has ended the match.`,
    mentee: (other: string) => `${other} has ended the match.`,
    coordinator: (other: string) => `The coordinator of the network has ended your match with ${stop(other)}`,
  },
  menteeNext: 'You stay on the list for a new mentor. We will let you know when we have found someone for you.',
  menteeClosed: 'Would you like a mentor again later? Then you can apply again.',
  mentorNext: 'Thank you for your time and effort. Your place as a mentor becomes free for someone else.',
  button: 'Go to your overview',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, otherName }: MatchEndedProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(otherName));
}

export default function MatchEnded({ locale, name, role, otherName, endedBy, networkName, backInPool, accountUrl }: MatchEndedProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview(oneLine(networkName))} title={t.subject(oneLine(otherName))} footer="account">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.who[endedBy](otherName)}</Paragraph>
      <Paragraph>{role === 'mentor' ? t.mentorNext : backInPool ? t.menteeNext : t.menteeClosed}</Paragraph>
      <EmailButton href={accountUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

MatchEnded.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  role: 'mentee',
  otherName: 'Jan de Vries',
  endedBy: 'mentor',
  networkName: 'Vrouwen in de raad',
  backInPool: true,
  accountUrl: 'https://politiekactief.example/account/koppelingen',
} satisfies MatchEndedProps;
