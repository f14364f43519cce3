import { CourseSchedule, Greeting, oneLine, type SessionLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, formatDuration, resolveLocale, stop, type Locale } from './layout';

export type SignUpConfirmProps = {
  locale: Locale;
  name: string;
  courseTitle: string;
  organisationName: string;
  sessions: SessionLine[];
  confirmUrl: string;
  expiresInHours: number;
};

// Goes to every address typed into the sign-up form, also one that is on the course already
// (ADR 011): the text fits both, and the link shows which it is.
const nl = {
  subject: (course: string) => `Rond je aanmelding af voor ${course}`,
  preview: 'Nog één stap: bevestig dat je je wilt aanmelden.',
  heading: 'Rond je aanmelding af',
  intro: (course: string, organisation: string) =>
    `Met dit e-mailadres is een aanmelding gedaan voor ${course} van ${stop(organisation)} Bevestig dat jij dat was. Pas dan is je aanmelding klaar.`,
  seat: 'We houden nog geen plek voor je vast. Je krijgt een plek (of een plaats op de wachtlijst) op het moment dat je bevestigt.',
  button: 'Ja, meld mij aan',
  already: 'Was je al aangemeld? Dan zie je na het bevestigen je aanmelding. Je wordt niet twee keer aangemeld.',
  validity: (duration: string) => `De link werkt ${duration} en je kunt hem één keer gebruiken.`,
  notYou: 'Heb jij dit niet gedaan? Doe dan niets. Zonder bevestiging word je niet aangemeld en bewaren we je gegevens niet.',
};

const en: typeof nl = {
  subject: (course: string) => `Complete your sign-up for ${course}`,
  preview: 'One more step: confirm that you want to sign up.',
  heading: 'Complete your sign-up',
  intro: (course: string, organisation: string) =>
    `Someone used this email address to sign up for ${course} by ${stop(organisation)} Please confirm that it was you. Only then is your sign-up complete.`,
  seat: 'We are not holding a seat for you yet. You get a seat (or a place on the waiting list) at the moment you confirm.',
  button: 'Yes, sign me up',
  already: 'Were you already signed up? Then you will see your registration after confirming. You will not be signed up twice.',
  validity: (duration: string) => `The link works for ${duration} and you can use it once.`,
  notYou: 'Was this not you? Then do nothing. Without a confirmation you are not signed up and we do not keep your details.',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, courseTitle }: SignUpConfirmProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(courseTitle));
}

export default function SignUpConfirm({
  locale,
  name,
  courseTitle,
  organisationName,
  sessions,
  confirmUrl,
  expiresInHours,
}: SignUpConfirmProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject(oneLine(courseTitle))}>
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(courseTitle, organisationName)}</Paragraph>
      <CourseSchedule locale={lang} sessions={sessions} venue="" />
      <Paragraph>{t.seat}</Paragraph>
      <EmailButton href={confirmUrl}>{t.button}</EmailButton>
      <Paragraph>{t.validity(formatDuration(lang, expiresInHours, 'hours'))}</Paragraph>
      <Paragraph>{t.already}</Paragraph>
      <Paragraph>{t.notYou}</Paragraph>
    </EmailLayout>
  );
}

SignUpConfirm.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  courseTitle: 'Politiek Actief Zwolle',
  organisationName: 'Stichting Samen Zwolle',
  sessions: [{ date: 'di 9 maart 2027', time: '19:30–21:30', location: 'Stadhuis Zwolle' }],
  confirmUrl: 'https://politiekactief.example/aanmelden/bevestigen/voorbeeld',
  expiresInHours: 24,
} satisfies SignUpConfirmProps;
