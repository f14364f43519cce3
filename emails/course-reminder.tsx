import { CourseSchedule, Greeting, oneLine, type SessionLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type CourseReminderProps = {
  locale: Locale;
  name: string;
  courseTitle: string;
  sessions: SessionLine[];
  venue: string;
  onlineUrl: string | null;
  manageUrl: string;
};

const nl = {
  subject: (course: string) => `${course} begint binnenkort`,
  preview: (first: string) => `De eerste bijeenkomst is op ${stop(first)} Hier lees je waar het is.`,
  previewNoDate: 'Hier lees je wanneer en waar de cursus is.',
  heading: 'De cursus begint binnenkort',
  intro: (course: string) => `Binnenkort begint ${stop(course)} Hier zie je nog een keer wanneer en waar de cursus is.`,
  cancel: 'Kun je niet komen? Meld je dan af. Dan kan iemand van de wachtlijst je plek krijgen.',
  button: 'Aanmelding bekijken of afmelden',
  closing: 'We zien je graag bij de cursus!',
};

const en: typeof nl = {
  subject: (course: string) => `${course} starts soon`,
  preview: (first: string) => `The first session is on ${stop(first)} Here is where it takes place.`,
  previewNoDate: 'Here is when and where the course takes place.',
  heading: 'The course starts soon',
  intro: (course: string) => `${course} starts soon. Here is a reminder of when and where the course takes place.`,
  cancel: 'Can you not come? Then please cancel your registration, so someone on the waiting list can have your seat.',
  button: 'View or cancel your registration',
  closing: 'We look forward to seeing you at the course!',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, courseTitle }: CourseReminderProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(courseTitle));
}

export default function CourseReminder({ locale, name, courseTitle, sessions, venue, onlineUrl, manageUrl }: CourseReminderProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  const first = sessions[0];
  return (
    <EmailLayout
      locale={lang}
      preview={first ? t.preview(`${first.date}, ${first.time}`) : t.previewNoDate}
      title={t.subject(oneLine(courseTitle))}
      footer="course"
    >
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(courseTitle)}</Paragraph>
      <CourseSchedule locale={lang} sessions={sessions} venue={venue} onlineUrl={onlineUrl} />
      <Paragraph>{t.cancel}</Paragraph>
      <EmailButton href={manageUrl}>{t.button}</EmailButton>
      <Paragraph>{t.closing}</Paragraph>
    </EmailLayout>
  );
}

CourseReminder.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  courseTitle: 'Politiek Actief Zwolle',
  sessions: [
    { date: 'di 12 januari 2027', time: '19:30–21:30', location: 'Stadhuis Zwolle' },
    { date: 'di 19 januari 2027', time: '19:30–21:30', location: 'Stadhuis Zwolle' },
  ],
  venue: 'Stadhuis Zwolle, Grote Kerkplein 15, Zwolle',
  onlineUrl: 'https://meet.example/politiek-actief-zwolle',
  manageUrl: 'https://politiekactief.example/aanmelding/voorbeeld',
} satisfies CourseReminderProps;
