import { Link } from '@react-email/components';
import { Greeting, ItemList, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, colors, resolveLocale, type Locale } from './layout';

export type NearbyCourse = {
  title: string;
  /** Start date, already formatted for display in the recipient's language. */
  date: string;
  url: string;
};

export type FollowUpNoShowProps = {
  locale: Locale;
  name: string;
  courseTitle: string;
  /** Upcoming courses near the participant; may be empty. */
  nearbyCourses: NearbyCourse[];
  coursesUrl: string;
  /** /mentoraat, with where the link came from; without it the email says nothing about mentors. */
  mentoringUrl?: string;
};

const nl = {
  subject: (course: string) => `We hebben je gemist bij ${course}`,
  preview: 'Je kon er niet bij zijn. Geen probleem: er zijn meer cursussen.',
  heading: 'We hebben je gemist',
  intro: (course: string) =>
    `Je had je aangemeld voor ${course}, maar we hebben je niet gezien. Dat is geen probleem. Soms komt er iets tussen.`,
  nearby: 'Wil je toch een cursus volgen? Deze cursussen zijn binnenkort bij jou in de buurt:',
  noNearby: 'Wil je toch een cursus volgen? Kijk dan welke cursussen er binnenkort zijn.',
  allCourses: 'Of bekijk alle cursussen.',
  button: 'Cursussen bekijken',
  startsOn: (date: string) => `begint ${date}`,
  mentor: 'Wil je liever meteen verder met iemand die al in de politiek zit? Vraag dan een mentor aan.',
  mentorButton: 'Een mentor vragen',
};

const en: typeof nl = {
  subject: (course: string) => `We missed you at ${course}`,
  preview: 'You could not make it. No problem: there are more courses.',
  heading: 'We missed you',
  intro: (course: string) =>
    `You signed up for ${course}, but we did not see you there. That is no problem. Sometimes things get in the way.`,
  nearby: 'Would you still like to take a course? These courses are coming up near you:',
  noNearby: 'Would you still like to take a course? Then see which courses are coming up.',
  allCourses: 'Or view all courses.',
  button: 'View courses',
  startsOn: (date: string) => `starts ${date}`,
  mentor: 'Would you rather go on straight away with someone who is already in politics? Then ask for a mentor.',
  mentorButton: 'Ask for a mentor',
};

const copy: Record<Locale, typeof nl> = { nl, en };

const linkStyle = { color: colors.primary, textDecoration: 'underline' };

export function subject({ locale, courseTitle }: FollowUpNoShowProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(courseTitle));
}

export default function FollowUpNoShow({ locale, name, courseTitle, nearbyCourses, coursesUrl, mentoringUrl }: FollowUpNoShowProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject(oneLine(courseTitle))} footer="course">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(courseTitle)}</Paragraph>
      {nearbyCourses.length > 0 ? (
        <>
          <Paragraph>{t.nearby}</Paragraph>
          <ItemList
            textPrefix="- "
            items={nearbyCourses.map((course, index) => ({
              key: `${index}`,
              html: (
                <>
                  <Link href={course.url} style={linkStyle}>
                    {course.title}
                  </Link>
                  , {t.startsOn(course.date)}
                </>
              ),
              // The plain-text part has no links, so print the URL after the title.
              text: `${course.title}, ${t.startsOn(course.date)}: ${course.url}`,
            }))}
          />
          <Paragraph>{t.allCourses}</Paragraph>
        </>
      ) : (
        <Paragraph>{t.noNearby}</Paragraph>
      )}
      <EmailButton href={coursesUrl}>{t.button}</EmailButton>
      {mentoringUrl ? (
        <>
          <Paragraph>{t.mentor}</Paragraph>
          <EmailButton href={mentoringUrl}>{t.mentorButton}</EmailButton>
        </>
      ) : null}
    </EmailLayout>
  );
}

FollowUpNoShow.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  courseTitle: 'Politiek Actief Zwolle',
  nearbyCourses: [
    { title: 'Politiek Actief Kampen', date: 'di 9 maart 2027', url: 'https://politiekactief.example/cursussen/kampen-2027' },
    { title: 'Politiek Actief Deventer', date: 'do 18 maart 2027', url: 'https://politiekactief.example/cursussen/deventer-2027' },
  ],
  coursesUrl: 'https://politiekactief.example/cursussen',
  mentoringUrl: 'https://politiekactief.example/mentoraat?bron=cursus-opvolging',
} satisfies FollowUpNoShowProps;
