import { EmailButton, EmailHeading, EmailLayout, Paragraph, formatDuration, resolveLocale, type Locale } from './layout';

export type PasswordResetProps = {
  locale: Locale;
  url: string;
  expiresInMinutes: number;
};

const nl = {
  subject: 'Kies een nieuw wachtwoord',
  preview: 'Gebruik de link in deze e-mail om een nieuw wachtwoord te kiezen.',
  heading: 'Kies een nieuw wachtwoord',
  intro: 'Je hebt gevraagd om een nieuw wachtwoord. Gebruik de link hieronder om een nieuw wachtwoord te kiezen.',
  button: 'Nieuw wachtwoord kiezen',
  validity: (duration: string) => `De link werkt ${duration} en je kunt hem maar één keer gebruiken.`,
  notYou: 'Heb jij dit niet gevraagd? Dan kun je deze e-mail negeren. Je wachtwoord blijft dan hetzelfde.',
};

const en: typeof nl = {
  subject: 'Choose a new password',
  preview: 'Use the link in this email to choose a new password.',
  heading: 'Choose a new password',
  intro: 'You asked for a new password. Use the link below to choose a new password.',
  button: 'Choose a new password',
  validity: (duration: string) => `The link works for ${duration} and you can only use it once.`,
  notYou: 'Did you not ask for this? Then you can ignore this email. Your password will stay the same.',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale }: PasswordResetProps): string {
  return copy[resolveLocale(locale)].subject;
}

export default function PasswordReset({ locale, url, expiresInMinutes }: PasswordResetProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject}>
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.intro}</Paragraph>
      <EmailButton href={url}>{t.button}</EmailButton>
      <Paragraph>{t.validity(formatDuration(lang, expiresInMinutes, 'minutes'))}</Paragraph>
      <Paragraph>{t.notYou}</Paragraph>
    </EmailLayout>
  );
}

PasswordReset.PreviewProps = {
  locale: 'nl',
  url: 'https://politiekactief.example/auth/reset-password?token=voorbeeld',
  expiresInMinutes: 30,
} satisfies PasswordResetProps;
