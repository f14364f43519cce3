import { EmailButton, EmailHeading, EmailLayout, Paragraph, formatDuration, resolveLocale, type Locale } from './layout';

export type VerifyEmailProps = {
  locale: Locale;
  url: string;
  expiresInHours: number;
};

const nl = {
  subject: 'Bevestig je e-mailadres',
  preview: 'Nog één stap: bevestig je e-mailadres om je account te activeren.',
  heading: 'Bevestig je e-mailadres',
  intro: 'Welkom bij Politiek Actief! Bevestig je e-mailadres met de link hieronder. Dan is je account klaar om te gebruiken.',
  button: 'E-mailadres bevestigen',
  validity: (duration: string) => `De link werkt ${duration} en je kunt hem maar één keer gebruiken.`,
};

const en: typeof nl = {
  subject: 'Confirm your email address',
  preview: 'One more step: confirm your email address to activate your account.',
  heading: 'Confirm your email address',
  intro: 'Welcome to Politiek Actief! Please confirm your email address with the link below. Then your account is ready to use.',
  button: 'Confirm email address',
  validity: (duration: string) => `The link works for ${duration} and you can only use it once.`,
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale }: VerifyEmailProps): string {
  return copy[resolveLocale(locale)].subject;
}

export default function VerifyEmail({ locale, url, expiresInHours }: VerifyEmailProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject}>
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.intro}</Paragraph>
      <EmailButton href={url}>{t.button}</EmailButton>
      <Paragraph>{t.validity(formatDuration(lang, expiresInHours, 'hours'))}</Paragraph>
    </EmailLayout>
  );
}

VerifyEmail.PreviewProps = {
  locale: 'nl',
  url: 'https://politiekactief.example/auth/verify?token=voorbeeld',
  expiresInHours: 24,
} satisfies VerifyEmailProps;
