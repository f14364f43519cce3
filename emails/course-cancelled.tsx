import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type CourseCancelledProps = {
  locale: Locale;
  name: string;
  courseTitle: string;
  organisationName: string;
  coursesUrl: string;
  /** An attached calendar file takes the sessions out of the person's calendar. */
  calendar?: boolean;
};

const nl = {
  subject: (course: string) => `${course} gaat niet door`,
  preview: 'Het spijt ons: de organisatie heeft de cursus afgezegd.',
  heading: 'De cursus gaat niet door',
  intro: (course: string, organisation: string) =>
    `Het spijt ons. ${organisation} heeft de cursus ${course} afgezegd. De cursus gaat dus niet door.`,
  registration: 'Je aanmelding is daarom vervallen. Je hoeft zelf niets te doen.',
  other: 'Wil je toch een cursus volgen? Kijk dan welke andere cursussen er zijn.',
  calendar: 'In de bijlage zit een agendabestand (.ics). Open het bestand om de bijeenkomsten uit je agenda te halen.',
  button: 'Andere cursussen bekijken',
};

const en: typeof nl = {
  subject: (course: string) => `${course} has been cancelled`,
  preview: 'We are sorry: the organiser has cancelled the course.',
  heading: 'The course has been cancelled',
  intro: (course: string, organisation: string) =>
    `We are sorry. ${organisation} has cancelled the course ${stop(course)} It will not take place.`,
  registration: 'Your registration has therefore ended. You do not need to do anything.',
  other: 'Would you still like to take a course? Then see which other courses there are.',
  calendar: 'A calendar file (.ics) is attached. Open it to remove the sessions from your calendar.',
  button: 'View other courses',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, courseTitle }: CourseCancelledProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(courseTitle));
}

export default function CourseCancelled({ locale, name, courseTitle, organisationName, coursesUrl, calendar }: CourseCancelledProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject(oneLine(courseTitle))} footer="course">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(courseTitle, organisationName)}</Paragraph>
      <Paragraph>{t.registration}</Paragraph>
      {calendar ? <Paragraph>{t.calendar}</Paragraph> : null}
      <Paragraph>{t.other}</Paragraph>
      <EmailButton href={coursesUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

CourseCancelled.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  courseTitle: 'Politiek Actief Zwolle',
  organisationName: 'Stichting Samen Zwolle',
  coursesUrl: 'https://politiekactief.example/cursussen',
} satisfies CourseCancelledProps;
