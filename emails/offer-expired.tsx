import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type OfferExpiredProps = {
  locale: Locale;
  name: string;
  courseTitle: string;
  coursesUrl: string;
};

const nl = {
  subject: (course: string) => `De plek bij ${course} is naar iemand anders gegaan`,
  preview: 'Je hebt de plek niet op tijd bevestigd. Er zijn nog andere cursussen.',
  heading: 'De plek is naar iemand anders gegaan',
  intro: (course: string) =>
    `Er was een plek vrij voor je bij ${stop(course)} Je hebt die plek niet op tijd bevestigd. Daarom is hij naar de volgende persoon op de wachtlijst gegaan.`,
  other: 'Jammer! Maar je kunt je nog wel aanmelden voor een andere cursus. Kijk welke cursussen er binnenkort zijn.',
  button: 'Cursussen bekijken',
};

const en: typeof nl = {
  subject: (course: string) => `Your seat for ${course} has gone to someone else`,
  preview: 'You did not confirm the seat in time. There are other courses.',
  heading: 'The seat has gone to someone else',
  intro: (course: string) =>
    `A seat was available for you for ${stop(course)} You did not confirm it in time, so it went to the next person on the waiting list.`,
  other: 'What a pity! But you can still sign up for another course. See which courses are coming up.',
  button: 'View courses',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, courseTitle }: OfferExpiredProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(courseTitle));
}

export default function OfferExpired({ locale, name, courseTitle, coursesUrl }: OfferExpiredProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject(oneLine(courseTitle))} footer="course">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(courseTitle)}</Paragraph>
      <Paragraph>{t.other}</Paragraph>
      <EmailButton href={coursesUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

OfferExpired.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  courseTitle: 'Politiek Actief Zwolle',
  coursesUrl: 'https://politiekactief.example/cursussen',
} satisfies OfferExpiredProps;
