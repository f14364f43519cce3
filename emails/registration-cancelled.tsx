import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type RegistrationCancelledProps = {
  locale: Locale;
  name: string;
  courseTitle: string;
  coursesUrl: string;
  /** An attached calendar file takes the sessions out of the person's calendar. */
  calendar?: boolean;
  /** Whether the registration held a seat (confirmed or offered); false for a place on the waitlist. */
  hadSeat: boolean;
};

const nl = {
  subject: (course: string) => `Je bent afgemeld voor ${course}`,
  preview: (course: string) => `Je afmelding voor ${course} is gelukt.`,
  heading: 'Je bent afgemeld',
  intro: (course: string) => `Je bent afgemeld voor ${stop(course)}`,
  introWaitlist: (course: string) => `Je staat niet meer op de wachtlijst voor ${stop(course)}`,
  thanks: 'Bedankt dat je het hebt laten weten. Zo kan iemand anders je plek krijgen.',
  thanksWaitlist: 'Bedankt dat je het hebt laten weten.',
  other: 'Wil je later toch een cursus volgen? Kijk dan welke cursussen er zijn.',
  calendar: 'In de bijlage zit een agendabestand (.ics). Open het bestand om de bijeenkomsten uit je agenda te halen.',
  button: 'Cursussen bekijken',
};

const en: typeof nl = {
  subject: (course: string) => `You are no longer registered for ${course}`,
  preview: (course: string) => `Your registration for ${course} has been cancelled.`,
  heading: 'Your registration has been cancelled',
  intro: (course: string) => `Your registration for ${course} has been cancelled.`,
  introWaitlist: (course: string) => `You are no longer on the waiting list for ${stop(course)}`,
  thanks: 'Thank you for letting us know. This way someone else can have your seat.',
  thanksWaitlist: 'Thank you for letting us know.',
  other: 'Would you like to take a course later after all? Then see which courses there are.',
  calendar: 'A calendar file (.ics) is attached. Open it to remove the sessions from your calendar.',
  button: 'View courses',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, courseTitle }: RegistrationCancelledProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(courseTitle));
}

export default function RegistrationCancelled({ locale, name, courseTitle, coursesUrl, calendar, hadSeat }: RegistrationCancelledProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview(courseTitle)} title={t.subject(oneLine(courseTitle))} footer="course">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      {/* Only someone who had a seat frees one; a place on the waitlist is nobody else's seat. */}
      <Paragraph>{hadSeat ? t.intro(courseTitle) : t.introWaitlist(courseTitle)}</Paragraph>
      <Paragraph>{hadSeat ? t.thanks : t.thanksWaitlist}</Paragraph>
      {calendar ? <Paragraph>{t.calendar}</Paragraph> : null}
      <Paragraph>{t.other}</Paragraph>
      <EmailButton href={coursesUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

RegistrationCancelled.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  courseTitle: 'Politiek Actief Zwolle',
  coursesUrl: 'https://politiekactief.example/cursussen',
  hadSeat: true,
} satisfies RegistrationCancelledProps;
