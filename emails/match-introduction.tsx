import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type MatchIntroductionProps = {
  locale: Locale;
  name: string;
  /** The recipient's role in the match. */
  role: 'mentor' | 'mentee';
  otherName: string;
  otherEmail: string;
  otherPhone: string | null;
  networkName: string;
  matchUrl: string;
};

const nl = {
  subject: (other: string) => `Kennismaken met ${other}`,
  preview: (other: string) => `Jullie zijn gekoppeld. Hier vind je de gegevens van ${stop(other)}`,
  heading: 'Jullie zijn gekoppeld',
  introMentor: (other: string, network: string) =>
    `Fijn dat je ${other} wilt begeleiden in het mentornetwerk ${stop(network)} Hieronder staan de contactgegevens. Neem binnen een week contact op om kennis te maken.`,
  introMentee: (other: string, network: string) =>
    `Goed nieuws: ${other} wordt je mentor in het mentornetwerk ${stop(network)} Je mentor neemt binnenkort contact met je op. Je mag ook zelf beginnen.`,
  contact: 'Contactgegevens',
  email: 'E-mail',
  phone: 'Telefoon',
  checkIns: 'Hebben jullie afgesproken? Schrijf het kort op bij jullie koppeling. Dan weet de coördinator dat het goed gaat.',
  button: 'Naar jullie koppeling',
};

const en: typeof nl = {
  subject: (other: string) => `Meet ${other}`,
  preview: (other: string) => `You have been matched. Here are the contact details of ${stop(other)}`,
  heading: 'You have been matched',
  introMentor: (other: string, network: string) =>
    `Thank you for mentoring ${other} in the mentor network ${stop(network)} Their contact details are below. Please get in touch within a week to get to know each other.`,
  introMentee: (other: string, network: string) =>
    `Good news: ${other} will be your mentor in the mentor network ${stop(network)} Your mentor will contact you soon. You are welcome to get in touch first.`,
  contact: 'Contact details',
  email: 'Email',
  phone: 'Phone',
  checkIns: 'Did you meet? Write it down briefly with your match. Then the coordinator knows it is going well.',
  button: 'Go to your match',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, otherName }: MatchIntroductionProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(otherName));
}

export default function MatchIntroduction({
  locale,
  name,
  role,
  otherName,
  otherEmail,
  otherPhone,
  networkName,
  matchUrl,
}: MatchIntroductionProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview(oneLine(otherName))} title={t.subject(oneLine(otherName))} footer="account">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{role === 'mentor' ? t.introMentor(otherName, networkName) : t.introMentee(otherName, networkName)}</Paragraph>
      <Paragraph>
        <strong>{t.contact}</strong>
        <br />
        {otherName}
        <br />
        {t.email}: {otherEmail}
        {otherPhone ? (
          <>
            <br />
            {t.phone}: {otherPhone}
          </>
        ) : null}
      </Paragraph>
      <Paragraph>{t.checkIns}</Paragraph>
      <EmailButton href={matchUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

MatchIntroduction.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  role: 'mentee',
  otherName: 'Jan de Vries',
  otherEmail: 'jan@example.org',
  otherPhone: '06 12345678',
  networkName: 'Vrouwen in de raad',
  matchUrl: 'https://politiekactief.example/koppeling/voorbeeld',
} satisfies MatchIntroductionProps;
