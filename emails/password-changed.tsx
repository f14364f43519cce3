import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type PasswordChangedProps = {
  locale: Locale;
  /** Moment of the change, already formatted for display in `locale`. */
  changedAt: string;
  resetUrl: string;
};

const nl = {
  subject: 'Je wachtwoord is gewijzigd',
  preview: (changedAt: string) => `Je wachtwoord is gewijzigd op ${stop(changedAt)}`,
  heading: 'Je wachtwoord is gewijzigd',
  changed: (changedAt: string) => `Het wachtwoord van je account op Politiek Actief is gewijzigd op ${stop(changedAt)}`,
  loggedOut: 'Voor je veiligheid hebben we je op alle apparaten uitgelogd. Log opnieuw in met je nieuwe wachtwoord.',
  notYou: 'Heb jij dit niet gedaan? Kies dan meteen een nieuw wachtwoord met de link hieronder.',
  button: 'Nieuw wachtwoord kiezen',
  wasYou: 'Heb jij dit wel gedaan? Dan hoef je niets te doen.',
};

const en: typeof nl = {
  subject: 'Your password has been changed',
  preview: (changedAt: string) => `Your password was changed on ${stop(changedAt)}`,
  heading: 'Your password has been changed',
  changed: (changedAt: string) => `The password of your account on Politiek Actief was changed on ${stop(changedAt)}`,
  loggedOut: 'For your safety, we have logged you out on all devices. Log in again with your new password.',
  notYou: 'Did you not do this? Then choose a new password right away with the link below.',
  button: 'Choose a new password',
  wasYou: 'Did you do this yourself? Then you do not need to do anything.',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale }: PasswordChangedProps): string {
  return copy[resolveLocale(locale)].subject;
}

export default function PasswordChanged({ locale, changedAt, resetUrl }: PasswordChangedProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  // Security notice: the default "not you? ignore this email" footer would be
  // the wrong advice here, so use the neutral account footer.
  return (
    <EmailLayout locale={lang} preview={t.preview(changedAt)} title={t.subject} footer="account">
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.changed(changedAt)}</Paragraph>
      <Paragraph>{t.loggedOut}</Paragraph>
      <Paragraph>{t.notYou}</Paragraph>
      <EmailButton href={resetUrl}>{t.button}</EmailButton>
      <Paragraph>{t.wasYou}</Paragraph>
    </EmailLayout>
  );
}

PasswordChanged.PreviewProps = {
  locale: 'nl',
  changedAt: '3 maart 2025 om 14:05',
  resetUrl: 'https://politiekactief.example/auth/forgot-password',
} satisfies PasswordChangedProps;
