import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale } from './layout';

/** After a meeting: write down briefly how it went (the check-in of the match page). */
export type MeetingCheckInProps = {
  locale: Locale;
  name: string;
  otherName: string;
  when: string;
  checkInUrl: string;
};

const nl = {
  subject: (o: string) => `Hoe was jullie afspraak, ${o} en jij?`,
  heading: 'Hoe was jullie afspraak?',
  intro: (o: string, when: string) => `Je had een afspraak met ${o} op ${when}.`,
  ask: 'Schrijf kort op wat jullie hebben besproken. Dan weten jullie allebei waar jullie staan. Het kost een minuut.',
  button: 'Afspraak opschrijven',
};

const en: typeof nl = {
  subject: (o) => `How was your meeting with ${o}?`,
  heading: 'How was your meeting?',
  intro: (o, when) => `You had a meeting with ${o} on ${when}.`,
  ask: 'Write down briefly what you talked about. Then you both know where you stand. It takes a minute.',
  button: 'Write down the meeting',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, otherName }: MeetingCheckInProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(otherName));
}

export default function MeetingCheckIn({ locale, name, otherName, when, checkInUrl }: MeetingCheckInProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.ask} title={t.subject(oneLine(otherName))} footer="account">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(oneLine(otherName), when)}</Paragraph>
      <Paragraph>{t.ask}</Paragraph>
      <EmailButton href={checkInUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

MeetingCheckIn.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  otherName: 'Jan de Vries',
  when: 'dinsdag 12 januari 2027 om 19:30',
  checkInUrl: 'https://politiekactief.example/koppeling/voorbeeld#check-in',
} satisfies MeetingCheckInProps;
