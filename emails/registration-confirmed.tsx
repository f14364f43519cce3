import { CourseSchedule, Greeting, oneLine, type SessionLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type RegistrationConfirmedProps = {
  locale: Locale;
  name: string;
  courseTitle: string;
  organisationName: string;
  sessions: SessionLine[];
  /** Where the course takes place, e.g. "Stadhuis Zwolle, Grote Kerkplein 15". Empty for an online-only course. */
  venue: string;
  /** Link to join online, if the course can be followed online. */
  onlineUrl: string | null;
  /** Accessibility of the venue, as written by the organiser. Left out when empty. */
  accessibilityInfo: string;
  manageUrl: string;
  /** Last moment to cancel, already formatted for display in `locale`; null when there is no deadline. */
  cancellationDeadline: string | null;
};

const nl = {
  subject: (course: string) => `Je bent aangemeld voor ${course}`,
  preview: (course: string) => `Je aanmelding voor ${course} is gelukt. Hier lees je wanneer en waar het is.`,
  heading: 'Je bent aangemeld',
  intro: (course: string, organisation: string) =>
    `Je aanmelding voor de cursus ${course} is gelukt. Je hebt een plek. De cursus wordt gegeven door ${stop(organisation)}`,
  accessibility: 'Toegankelijkheid',
  calendar: 'In de bijlage zit een agendabestand (.ics). Open het bestand om de bijeenkomsten in je agenda te zetten.',
  cancel: 'Kun je toch niet komen? Meld je dan af. Dan kan iemand anders je plek krijgen.',
  deadline: (deadline: string) => `Afmelden kan tot ${stop(deadline)}`,
  button: 'Aanmelding bekijken of afmelden',
  // Named by its label: a button in HTML, a line with the label and the address in the plain text.
  notYou: (button: string) => `Heb jij je niet aangemeld? Meld je dan af via ‘${button}’.`,
  closing: 'Tot ziens bij de cursus!',
};

const en: typeof nl = {
  subject: (course: string) => `You are registered for ${course}`,
  preview: (course: string) => `Your registration for ${course} is confirmed. Here is when and where it takes place.`,
  heading: 'You are registered',
  intro: (course: string, organisation: string) =>
    `Your registration for the course ${course} is confirmed. You have a seat. The course is run by ${stop(organisation)}`,
  accessibility: 'Accessibility',
  calendar: 'A calendar file (.ics) is attached. Open it to add the sessions to your calendar.',
  cancel: 'Can you not come after all? Then please cancel your registration, so someone else can have your seat.',
  deadline: (deadline: string) => `You can cancel until ${stop(deadline)}`,
  button: 'View or cancel your registration',
  notYou: (button: string) => `Did you not sign up yourself? Then cancel the registration via ‘${button}’.`,
  closing: 'See you at the course!',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, courseTitle }: RegistrationConfirmedProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(courseTitle));
}

export default function RegistrationConfirmed({
  locale,
  name,
  courseTitle,
  organisationName,
  sessions,
  venue,
  onlineUrl,
  accessibilityInfo,
  manageUrl,
  cancellationDeadline,
}: RegistrationConfirmedProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview(courseTitle)} title={t.subject(oneLine(courseTitle))} footer="course">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(courseTitle, organisationName)}</Paragraph>
      <CourseSchedule locale={lang} sessions={sessions} venue={venue} onlineUrl={onlineUrl} />
      {accessibilityInfo.trim() !== '' ? (
        <Paragraph>
          <strong>{t.accessibility}:</strong> {accessibilityInfo}
        </Paragraph>
      ) : null}
      <Paragraph>{t.calendar}</Paragraph>
      <Paragraph>
        {t.cancel}
        {cancellationDeadline ? ` ${t.deadline(cancellationDeadline)}` : null}
      </Paragraph>
      <EmailButton href={manageUrl}>{t.button}</EmailButton>
      <Paragraph>{t.notYou(t.button)}</Paragraph>
      <Paragraph>{t.closing}</Paragraph>
    </EmailLayout>
  );
}

RegistrationConfirmed.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  courseTitle: 'Politiek Actief Zwolle',
  organisationName: 'Stichting Samen Zwolle',
  sessions: [
    { date: 'di 12 januari 2027', time: '19:30–21:30', location: 'Stadhuis Zwolle' },
    { date: 'di 19 januari 2027', time: '19:30–21:30', location: 'Stadhuis Zwolle' },
    { date: 'di 26 januari 2027', time: '19:30–21:30', location: 'Bibliotheek Zwolle' },
  ],
  venue: 'Stadhuis Zwolle, Grote Kerkplein 15, Zwolle',
  onlineUrl: null,
  accessibilityInfo: 'Het stadhuis heeft een lift en een toegankelijk toilet. Er is een ringleiding in de raadszaal.',
  manageUrl: 'https://politiekactief.example/aanmelding/voorbeeld',
  cancellationDeadline: 'ma 11 januari 2027, 12:00',
} satisfies RegistrationConfirmedProps;
