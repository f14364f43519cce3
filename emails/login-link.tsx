import { EmailButton, EmailHeading, EmailLayout, Paragraph, formatDuration, resolveLocale, type Locale, stop } from './layout';

export type LoginLinkProps = {
  locale: Locale;
  url: string;
  expiresInMinutes: number;
};

const nl = {
  subject: 'Je inloglink voor Politiek Actief',
  preview: (duration: string) => `Log in met deze link. Hij werkt ${stop(duration)}`,
  heading: 'Inloggen bij Politiek Actief',
  intro: 'Je hebt gevraagd om een inloglink. Gebruik de link hieronder om in te loggen.',
  button: 'Inloggen',
  validity: (duration: string) => `De link werkt ${duration} en je kunt hem maar één keer gebruiken.`,
  notYou: 'Heb jij niet om deze link gevraagd? Dan kun je deze e-mail negeren. Niemand kan inloggen zonder deze link.',
};

const en: typeof nl = {
  subject: 'Your login link for Politiek Actief',
  preview: (duration: string) => `Log in with this link. It works for ${stop(duration)}`,
  heading: 'Log in to Politiek Actief',
  intro: 'You asked for a login link. Use the link below to log in.',
  button: 'Log in',
  validity: (duration: string) => `The link works for ${duration} and you can only use it once.`,
  notYou: 'Did you not ask for this link? Then you can ignore this email. Nobody can log in without this link.',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale }: LoginLinkProps): string {
  return copy[resolveLocale(locale)].subject;
}

export default function LoginLink({ locale, url, expiresInMinutes }: LoginLinkProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  const duration = formatDuration(lang, expiresInMinutes, 'minutes');
  return (
    <EmailLayout locale={lang} preview={t.preview(duration)} title={t.subject}>
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.intro}</Paragraph>
      <EmailButton href={url}>{t.button}</EmailButton>
      <Paragraph>{t.validity(duration)}</Paragraph>
      <Paragraph>{t.notYou}</Paragraph>
    </EmailLayout>
  );
}

LoginLink.PreviewProps = {
  locale: 'nl',
  url: 'https://politiekactief.example/auth/login-link?token=voorbeeld',
  expiresInMinutes: 15,
} satisfies LoginLinkProps;
