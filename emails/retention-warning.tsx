import { Link } from '@react-email/components';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type RetentionWarningProps = {
  locale: Locale;
  name: string;
  /** The day the account will be deleted, already formatted for display in `locale`. */
  deleteOn: string;
  loginUrl: string;
  privacyUrl: string;
};

const nl = {
  subject: 'We gaan je account verwijderen',
  preview: (date: string) => `Log in voor ${date} als je je account wilt houden.`,
  heading: 'We gaan je account verwijderen',
  hello: (name: string) => `Hallo ${name},`,
  why: 'Je hebt al lang niets gedaan op Politiek Actief: geen cursus, geen mentor en niet ingelogd. We bewaren je gegevens niet langer dan nodig.',
  when: (date: string) => `Daarom verwijderen we op ${date} je account en alles wat we over je bewaren.`,
  keep: 'Wil je je account houden? Log dan voor die dag in. Meer hoef je niet te doen.',
  button: 'Inloggen',
  nothing: 'Wil je dat we je account verwijderen? Dan hoef je niets te doen.',
  privacy: 'In onze privacyverklaring lees je hoe lang we gegevens bewaren:',
};

const en: typeof nl = {
  subject: 'We are going to delete your account',
  preview: (date: string) => `Log in before ${date} if you want to keep your account.`,
  heading: 'We are going to delete your account',
  hello: (name: string) => `Hello ${name},`,
  why: 'You have not done anything on Politiek Actief for a long time: no course, no mentor and no login. We do not keep your data longer than needed.',
  when: (date: string) => `That is why we will delete your account and everything we keep about you on ${stop(date)}`,
  keep: 'Do you want to keep your account? Then log in before that day. That is all.',
  button: 'Log in',
  nothing: 'Do you want us to delete your account? Then you do not need to do anything.',
  privacy: 'Our privacy statement explains how long we keep data:',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale }: RetentionWarningProps): string {
  return copy[resolveLocale(locale)].subject;
}

export default function RetentionWarning({ locale, name, deleteOn, loginUrl, privacyUrl }: RetentionWarningProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview(deleteOn)} title={t.subject} footer="account">
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.hello(name)}</Paragraph>
      <Paragraph>{t.why}</Paragraph>
      <Paragraph>{t.when(deleteOn)}</Paragraph>
      <Paragraph>{t.keep}</Paragraph>
      <EmailButton href={loginUrl}>{t.button}</EmailButton>
      <Paragraph>{t.nothing}</Paragraph>
      <Paragraph>
        {t.privacy} <Link href={privacyUrl}>{privacyUrl}</Link>
      </Paragraph>
    </EmailLayout>
  );
}

RetentionWarning.PreviewProps = {
  locale: 'nl',
  name: 'Noor',
  deleteOn: '1 februari 2027',
  loginUrl: 'https://politiekactief.example/inloggen',
  privacyUrl: 'https://politiekactief.example/privacy',
} satisfies RetentionWarningProps;
