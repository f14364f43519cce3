import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale } from './layout';

export type AccountExistsProps = {
  locale: Locale;
  loginUrl: string;
  resetUrl: string;
};

const nl = {
  subject: 'Je hebt al een account bij Politiek Actief',
  preview: 'Iemand wilde een account maken met dit e-mailadres. Maar dat account bestaat al.',
  heading: 'Je hebt al een account',
  intro: 'Iemand wilde een nieuw account maken met dit e-mailadres. Maar je hebt al een account bij Politiek Actief.',
  login: 'Was jij dit? Log dan in met je bestaande account.',
  loginButton: 'Inloggen',
  reset: 'Weet je je wachtwoord niet meer? Kies dan een nieuw wachtwoord.',
  resetButton: 'Nieuw wachtwoord kiezen',
  notYou: 'Was jij dit niet? Dan kun je deze e-mail negeren. Er verandert niets aan je account.',
};

const en: typeof nl = {
  subject: 'You already have an account on Politiek Actief',
  preview: 'Someone tried to create an account with this email address. But that account already exists.',
  heading: 'You already have an account',
  intro: 'Someone tried to create a new account with this email address. But you already have an account on Politiek Actief.',
  login: 'Was this you? Then log in with your existing account.',
  loginButton: 'Log in',
  reset: 'Forgot your password? Then choose a new password.',
  resetButton: 'Choose a new password',
  notYou: 'Was this not you? Then you can ignore this email. Nothing changes in your account.',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale }: AccountExistsProps): string {
  return copy[resolveLocale(locale)].subject;
}

export default function AccountExists({ locale, loginUrl, resetUrl }: AccountExistsProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject}>
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.intro}</Paragraph>
      <Paragraph>{t.login}</Paragraph>
      <EmailButton href={loginUrl}>{t.loginButton}</EmailButton>
      <Paragraph>{t.reset}</Paragraph>
      <EmailButton href={resetUrl}>{t.resetButton}</EmailButton>
      <Paragraph>{t.notYou}</Paragraph>
    </EmailLayout>
  );
}

AccountExists.PreviewProps = {
  locale: 'nl',
  loginUrl: 'https://politiekactief.example/auth/login',
  resetUrl: 'https://politiekactief.example/auth/forgot-password',
} satisfies AccountExistsProps;
