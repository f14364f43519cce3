import { CourseSchedule, Greeting, oneLine, type SessionLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type SessionsChangedProps = {
  locale: Locale;
  name: string;
  courseTitle: string;
  /** The new schedule, in full. */
  sessions: SessionLine[];
  venue: string;
  manageUrl: string;
  /** A session was removed: its cancellation comes in a second calendar file. */
  sessionRemoved?: boolean;
};

const nl = {
  subject: (course: string) => `Gewijzigd: nieuwe tijden of plek voor ${course}`,
  preview: 'De data, tijden of plek van je cursus zijn veranderd. Hier zie je het nieuwe rooster.',
  heading: 'Er is iets veranderd',
  intro: (course: string) =>
    `De organisatie heeft de data, tijden of plek van ${course} veranderd. Hieronder zie je het nieuwe rooster. Dit rooster geldt vanaf nu.`,
  calendar:
    'In de bijlage zit een nieuw agendabestand (.ics). Open het bestand om je agenda bij te werken. Staan de oude afspraken er daarna nog? Haal ze dan zelf weg.',
  removed:
    'Er zit ook een tweede agendabestand bij: afgezegd.ics. Open dat bestand om de bijeenkomst die niet doorgaat uit je agenda te halen.',
  cancel: 'Kun je niet op de nieuwe momenten? Meld je dan af. Dan kan iemand anders je plek krijgen.',
  button: 'Aanmelding bekijken of afmelden',
};

const en: typeof nl = {
  subject: (course: string) => `Changed: new times or place for ${course}`,
  preview: 'The dates, times or place of your course have changed. Here is the new schedule.',
  heading: 'Something has changed',
  intro: (course: string) =>
    `The organiser has changed the dates, times or place of ${stop(course)} Below is the new schedule. This schedule applies from now on.`,
  calendar:
    'An updated calendar file (.ics) is attached. Open it to update your calendar. Are the old appointments still there afterwards? Then please remove them yourself.',
  removed:
    'A second calendar file is attached too: afgezegd.ics. Open it to remove the session that no longer takes place from your calendar.',
  cancel: 'Can you not make the new times? Then please cancel your registration, so someone else can have your seat.',
  button: 'View or cancel your registration',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, courseTitle }: SessionsChangedProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(courseTitle));
}

export default function SessionsChanged({ locale, name, courseTitle, sessions, venue, manageUrl, sessionRemoved }: SessionsChangedProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject(oneLine(courseTitle))} footer="course">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(courseTitle)}</Paragraph>
      <CourseSchedule locale={lang} sessions={sessions} venue={venue} />
      <Paragraph>{t.calendar}</Paragraph>
      {sessionRemoved ? <Paragraph>{t.removed}</Paragraph> : null}
      <Paragraph>{t.cancel}</Paragraph>
      <EmailButton href={manageUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

SessionsChanged.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  courseTitle: 'Politiek Actief Zwolle',
  sessions: [
    { date: 'wo 13 januari 2027', time: '19:00–21:00', location: 'Stadhuis Zwolle' },
    { date: 'wo 20 januari 2027', time: '19:00–21:00', location: 'Stadhuis Zwolle' },
  ],
  venue: 'Stadhuis Zwolle, Grote Kerkplein 15, Zwolle',
  manageUrl: 'https://politiekactief.example/aanmelding/voorbeeld',
} satisfies SessionsChangedProps;
