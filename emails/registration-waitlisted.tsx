import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type RegistrationWaitlistedProps = {
  locale: Locale;
  name: string;
  courseTitle: string;
  /** Place on the waiting list, 1 for the first. */
  position: number;
  manageUrl: string;
};

const nl = {
  subject: (course: string) => `Je staat op de wachtlijst voor ${course}`,
  preview: (position: number) => `De cursus is vol. Je bent nummer ${position} op de wachtlijst.`,
  heading: 'Je staat op de wachtlijst',
  intro: (course: string) =>
    `Bedankt voor je aanmelding voor ${stop(course)} De cursus is helaas vol. Daarom staat je naam op de wachtlijst.`,
  position: (position: number) => `Je bent nummer ${position} op de wachtlijst.`,
  seat: 'Komt er een plek vrij? Dan krijg je een e-mail. Je hebt dan een korte tijd om de plek te bevestigen. Doe je dat niet op tijd, dan gaat de plek naar de volgende op de lijst.',
  leave: 'Wil je niet meer op de wachtlijst staan? Meld je dan af. Dan schuift de volgende persoon een plek op.',
  button: 'Aanmelding bekijken of afmelden',
  // Named by its label: a button in HTML, a line with the label and the address in the plain text.
  notYou: (button: string) => `Heb jij je niet aangemeld? Meld je dan af via ‘${button}’.`,
};

const en: typeof nl = {
  subject: (course: string) => `You are on the waiting list for ${course}`,
  preview: (position: number) => `The course is full. You are number ${position} on the waiting list.`,
  heading: 'You are on the waiting list',
  intro: (course: string) =>
    `Thank you for signing up for ${stop(course)} Unfortunately the course is full. That is why your name is on the waiting list.`,
  position: (position: number) => `You are number ${position} on the waiting list.`,
  seat: 'Does a seat become free? Then you will get an email. You then have a short time to confirm the seat. If you do not confirm in time, the seat goes to the next person on the list.',
  leave: 'Do you no longer want to be on the waiting list? Then leave the list. The next person will move up one place.',
  button: 'View your registration or leave the list',
  notYou: (button: string) => `Did you not sign up yourself? Then leave the list via ‘${button}’.`,
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, courseTitle }: RegistrationWaitlistedProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(courseTitle));
}

export default function RegistrationWaitlisted({ locale, name, courseTitle, position, manageUrl }: RegistrationWaitlistedProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview(position)} title={t.subject(oneLine(courseTitle))} footer="course">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(courseTitle)}</Paragraph>
      <Paragraph>
        <strong>{t.position(position)}</strong>
      </Paragraph>
      <Paragraph>{t.seat}</Paragraph>
      <Paragraph>{t.leave}</Paragraph>
      <EmailButton href={manageUrl}>{t.button}</EmailButton>
      <Paragraph>{t.notYou(t.button)}</Paragraph>
    </EmailLayout>
  );
}

RegistrationWaitlisted.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  courseTitle: 'Politiek Actief Zwolle',
  position: 3,
  manageUrl: 'https://politiekactief.example/aanmelding/voorbeeld',
} satisfies RegistrationWaitlistedProps;
