import { Greeting, ItemList, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type FollowUpAttendedProps = {
  locale: Locale;
  name: string;
  courseTitle: string;
  /** True when the participant attended enough sessions to complete the course. */
  completed: boolean;
  /** True when the certificate of participation (PDF) is attached. */
  certificate: boolean;
  mentoringUrl: string;
  coursesUrl: string;
};

const nl = {
  subject: (course: string) => `Bedankt voor je deelname aan ${course}`,
  preview: 'Bedankt voor het meedoen! Dit kun je nu doen, en misschien wil je een mentor.',
  heading: 'Bedankt voor het meedoen!',
  intro: (course: string) =>
    `Bedankt dat je hebt meegedaan aan ${stop(course)} We hopen dat je veel hebt geleerd over de politiek in je gemeente.`,
  completed: 'Gefeliciteerd! Je hebt de cursus helemaal afgerond.',
  certificate:
    'Je bewijs van deelname zit als PDF bij deze e-mail. Je kunt het ook later downloaden via de link in je bevestiging, of op je account als je er een hebt.',
  nextSteps: 'Wil je verder? Dit kun je nu doen:',
  steps: [
    'Ga naar een bijeenkomst van een politieke partij. Veel partijen hebben avonden waar iedereen welkom is.',
    'Ga naar een vergadering van de gemeenteraad. De publieke tribune is open voor iedereen.',
    'Praat met een raadslid. Vertel wat er speelt in je buurt, of vraag hoe het werk van een raadslid eruitziet.',
  ],
  mentorHeading: 'Wil je een mentor?',
  mentor: 'Een mentor is iemand die al actief is in de lokale politiek. Je mentor helpt je op weg en beantwoordt je vragen.',
  mentorButton: 'Een mentor vragen',
  moreCourses: 'Wil je nog een cursus volgen? Of ken je iemand die ook mee wil doen? Bekijk dan alle cursussen.',
  coursesButton: 'Cursussen bekijken',
};

const en: typeof nl = {
  subject: (course: string) => `Thank you for taking part in ${course}`,
  preview: 'Thank you for taking part! Here is what you can do next, and perhaps you would like a mentor.',
  heading: 'Thank you for taking part!',
  intro: (course: string) => `Thank you for taking part in ${stop(course)} We hope you learned a lot about politics in your municipality.`,
  completed: 'Congratulations! You have completed the course.',
  certificate:
    'Your certificate of participation is attached to this email as a PDF. You can also download it later through the link in your confirmation, or from your account if you have one.',
  nextSteps: 'Want to go further? This is what you can do now:',
  steps: [
    'Go to a meeting of a political party. Many parties hold evenings where everyone is welcome.',
    'Attend a meeting of the municipal council. The public gallery is open to everyone.',
    'Talk to a council member. Tell them what is going on in your neighbourhood, or ask what the work of a council member is like.',
  ],
  mentorHeading: 'Would you like a mentor?',
  mentor: 'A mentor is someone who is already active in local politics. Your mentor helps you get started and answers your questions.',
  mentorButton: 'Ask for a mentor',
  moreCourses: 'Would you like to take another course? Or do you know someone who would like to join? Then view all courses.',
  coursesButton: 'View courses',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, courseTitle }: FollowUpAttendedProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(courseTitle));
}

export default function FollowUpAttended({
  locale,
  name,
  courseTitle,
  completed,
  certificate,
  mentoringUrl,
  coursesUrl,
}: FollowUpAttendedProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject(oneLine(courseTitle))} footer="course">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(courseTitle)}</Paragraph>
      {completed ? (
        <Paragraph>
          <strong>{t.completed}</strong>
        </Paragraph>
      ) : null}
      {certificate ? <Paragraph>{t.certificate}</Paragraph> : null}
      <Paragraph>{t.nextSteps}</Paragraph>
      <ItemList items={t.steps.map((step, index) => ({ key: `${index}`, html: step, text: step }))} textPrefix="- " />
      <Paragraph>
        <strong>{t.mentorHeading}</strong> {t.mentor}
      </Paragraph>
      <EmailButton href={mentoringUrl}>{t.mentorButton}</EmailButton>
      <Paragraph>{t.moreCourses}</Paragraph>
      <EmailButton href={coursesUrl}>{t.coursesButton}</EmailButton>
    </EmailLayout>
  );
}

FollowUpAttended.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  courseTitle: 'Politiek Actief Zwolle',
  completed: true,
  certificate: true,
  mentoringUrl: 'https://politiekactief.example/mentoraat?bron=cursus-opvolging',
  coursesUrl: 'https://politiekactief.example/cursussen',
} satisfies FollowUpAttendedProps;
