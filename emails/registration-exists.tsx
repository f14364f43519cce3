import { oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type RegistrationExistsProps = {
  locale: Locale;
  courseTitle: string;
  manageUrl: string;
};

const nl = {
  subject: (course: string) => `Je bent al aangemeld voor ${course}`,
  preview: 'Iemand wilde zich opnieuw aanmelden met dit e-mailadres. Maar je bent al aangemeld.',
  heading: 'Je bent al aangemeld',
  intro: (course: string) =>
    `Iemand wilde zich met dit e-mailadres aanmelden voor ${stop(course)} Waarschijnlijk was jij dat. Maar je bent al aangemeld voor deze cursus, of je staat al op de wachtlijst. Je hoeft je dus niet nog een keer aan te melden.`,
  manage: 'Wil je je aanmelding bekijken? Of wil je je afmelden? Gebruik dan de knop hieronder.',
  button: 'Aanmelding bekijken of afmelden',
  notYou: 'Was jij dit niet? Dan kun je deze e-mail negeren. Er verandert niets aan je aanmelding.',
};

const en: typeof nl = {
  subject: (course: string) => `You are already registered for ${course}`,
  preview: 'Someone tried to sign up again with this email address. But you are already registered.',
  heading: 'You are already registered',
  intro: (course: string) =>
    `Someone tried to sign up for ${course} with this email address. That was probably you. But you are already registered for this course, or you are already on the waiting list. So you do not need to sign up again.`,
  manage: 'Would you like to see your registration? Or do you want to cancel it? Then use the button below.',
  button: 'View or cancel your registration',
  notYou: 'Was this not you? Then you can ignore this email. Nothing changes in your registration.',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, courseTitle }: RegistrationExistsProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(courseTitle));
}

export default function RegistrationExists({ locale, courseTitle, manageUrl }: RegistrationExistsProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  // Sent when the address is used to sign up again, possibly by someone else:
  // the default "not you? ignore this email" footer fits.
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject(oneLine(courseTitle))}>
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.intro(courseTitle)}</Paragraph>
      <Paragraph>{t.manage}</Paragraph>
      <EmailButton href={manageUrl}>{t.button}</EmailButton>
      <Paragraph>{t.notYou}</Paragraph>
    </EmailLayout>
  );
}

RegistrationExists.PreviewProps = {
  locale: 'nl',
  courseTitle: 'Politiek Actief Zwolle',
  manageUrl: 'https://politiekactief.example/aanmelding/voorbeeld',
} satisfies RegistrationExistsProps;
