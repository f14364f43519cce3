import { Link } from '@react-email/components';
import { Greeting } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale } from './layout';

export type OutcomeQuestionProps = {
  locale: Locale;
  name: string;
  /** 'list': after the list deadline; 'elected': after election day. */
  question: 'list' | 'elected';
  electionName: string;
  yesUrl: string;
  noUrl: string;
  accountUrl: string;
  preferencesUrl: string;
};

const nl = {
  subject: { list: (e: string) => `Sta je op een kandidatenlijst voor de ${e}?`, elected: (e: string) => `Ben je gekozen bij de ${e}?` },
  preview: 'Eén klik is genoeg. Zo zien we wat cursussen en mentoraat opleveren.',
  heading: { list: 'Sta je op een kandidatenlijst?', elected: 'Ben je gekozen?' },
  intro: {
    list: (e: string) => `De kandidatenlijsten voor de ${e} zijn bekend. Je deed mee aan Politiek Actief. Sta jij op een lijst?`,
    elected: (e: string) => `De ${e} zijn voorbij. Je deed mee aan Politiek Actief. Ben jij gekozen?`,
  },
  why: 'Met je antwoord laten we zien wat de cursussen en het mentoraat opleveren. We tellen alleen aantallen; je naam komt nooit in een rapport.',
  yes: 'Ja',
  no: 'Nee',
  account: 'Je kunt je antwoord altijd veranderen op je accountpagina:',
  accountLink: 'Mijn antwoorden',
  preferences: 'Wil je deze vragen niet meer krijgen? Zet ze uit bij je e-mailinstellingen:',
  preferencesLink: 'E-mailinstellingen',
};

const en: typeof nl = {
  subject: { list: (e: string) => `Are you on a candidate list for the ${e}?`, elected: (e: string) => `Were you elected in the ${e}?` },
  preview: 'One click is enough. It shows what courses and mentoring achieve.',
  heading: { list: 'Are you on a candidate list?', elected: 'Were you elected?' },
  intro: {
    list: (e: string) => `The candidate lists for the ${e} are known. You took part in Politiek Actief. Are you on a list?`,
    elected: (e: string) => `The ${e} are over. You took part in Politiek Actief. Were you elected?`,
  },
  why: 'Your answer shows what the courses and mentoring achieve. We only count numbers; your name never appears in a report.',
  yes: 'Yes',
  no: 'No',
  account: 'You can always change your answer on your account page:',
  accountLink: 'My answers',
  preferences: 'Don’t want these questions any more? Switch them off in your email settings:',
  preferencesLink: 'Email settings',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, question, electionName }: OutcomeQuestionProps): string {
  return copy[resolveLocale(locale)].subject[question](electionName);
}

export default function OutcomeQuestion({
  locale,
  name,
  question,
  electionName,
  yesUrl,
  noUrl,
  accountUrl,
  preferencesUrl,
}: OutcomeQuestionProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject[question](electionName)} footer="account">
      <EmailHeading>{t.heading[question]}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro[question](electionName)}</Paragraph>
      <EmailButton href={yesUrl}>{t.yes}</EmailButton>
      <EmailButton href={noUrl}>{t.no}</EmailButton>
      <Paragraph>{t.why}</Paragraph>
      <Paragraph>
        {t.account} <Link href={accountUrl}>{t.accountLink}</Link>
      </Paragraph>
      <Paragraph>
        {t.preferences} <Link href={preferencesUrl}>{t.preferencesLink}</Link>
      </Paragraph>
    </EmailLayout>
  );
}

OutcomeQuestion.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  question: 'list',
  electionName: 'Gemeenteraadsverkiezingen 2026',
  yesUrl: 'https://politiekactief.example/uitslag/abc.def?antwoord=ja',
  noUrl: 'https://politiekactief.example/uitslag/abc.def?antwoord=nee',
  accountUrl: 'https://politiekactief.example/account/kandidaat',
  preferencesUrl: 'https://politiekactief.example/account/e-mail',
} satisfies OutcomeQuestionProps;
