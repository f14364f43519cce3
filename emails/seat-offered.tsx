import { Greeting, SessionList, oneLine, type SessionLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type SeatOfferedProps = {
  locale: Locale;
  name: string;
  courseTitle: string;
  sessions: SessionLine[];
  claimUrl: string;
  /** Moment the offer ends, already formatted for display in `locale`. */
  expiresAt: string;
};

const nl = {
  subject: (course: string) => `Er is een plek vrij voor je: ${course}`,
  preview: (expiresAt: string) => `Wil je de plek? Bevestig dan vóór ${stop(expiresAt)}`,
  heading: 'Er is een plek vrij voor je',
  intro: (course: string) =>
    `Goed nieuws! Er is een plek vrijgekomen bij ${stop(course)} Je stond op de wachtlijst, en nu is de plek voor jou.`,
  sessions: 'De cursus is op deze momenten:',
  confirm: (expiresAt: string) => `Wil je de plek? Bevestig dan vóór ${stop(expiresAt)}`,
  button: 'Plek bevestigen',
  expires: 'Bevestig je niet op tijd? Dan gaat de plek naar de volgende persoon op de wachtlijst.',
  decline: 'Wil je de plek niet meer? Dan hoef je niets te doen.',
};

const en: typeof nl = {
  subject: (course: string) => `A seat is available for you: ${course}`,
  preview: (expiresAt: string) => `Do you want the seat? Then confirm before ${stop(expiresAt)}`,
  heading: 'A seat is available for you',
  intro: (course: string) =>
    `Good news! A seat has become free for ${stop(course)} You were on the waiting list, and now the seat is yours.`,
  sessions: 'The course takes place at these times:',
  confirm: (expiresAt: string) => `Do you want the seat? Then confirm before ${stop(expiresAt)}`,
  button: 'Confirm my seat',
  expires: 'If you do not confirm in time, the seat goes to the next person on the waiting list.',
  decline: 'Do you no longer want the seat? Then you do not need to do anything.',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, courseTitle }: SeatOfferedProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(courseTitle));
}

export default function SeatOffered({ locale, name, courseTitle, sessions, claimUrl, expiresAt }: SeatOfferedProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview(expiresAt)} title={t.subject(oneLine(courseTitle))} footer="course">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(courseTitle)}</Paragraph>
      {sessions.length > 0 ? (
        <>
          <Paragraph>{t.sessions}</Paragraph>
          <SessionList sessions={sessions} />
        </>
      ) : null}
      <Paragraph>
        <strong>{t.confirm(expiresAt)}</strong>
      </Paragraph>
      <EmailButton href={claimUrl}>{t.button}</EmailButton>
      <Paragraph>{t.expires}</Paragraph>
      <Paragraph>{t.decline}</Paragraph>
    </EmailLayout>
  );
}

SeatOffered.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  courseTitle: 'Politiek Actief Zwolle',
  sessions: [
    { date: 'di 12 januari 2027', time: '19:30–21:30', location: 'Stadhuis Zwolle' },
    { date: 'di 19 januari 2027', time: '19:30–21:30', location: 'Stadhuis Zwolle' },
  ],
  claimUrl: 'https://politiekactief.example/aanmelding/voorbeeld/plek',
  expiresAt: 'vr 8 januari 2027, 12:00',
} satisfies SeatOfferedProps;
