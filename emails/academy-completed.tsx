import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type AcademyCompletedProps = {
  locale: Locale;
  name: string;
  academyName: string;
  /** /account/academies: the programme, and the certificate to download again. */
  accountUrl: string;
};

const nl = {
  subject: (academy: string) => `Gefeliciteerd: je hebt ${academy} afgerond`,
  preview: 'Je hebt het programma afgerond. Je certificaat zit bij deze e-mail.',
  heading: 'Je hebt het programma afgerond',
  intro: (academy: string) => `Gefeliciteerd! Je hebt alles gedaan wat nodig is voor ${stop(academy)}`,
  certificate: 'Je certificaat zit als PDF bij deze e-mail. Je kunt het ook later downloaden op je account.',
  button: 'Mijn programma bekijken',
};

const en: typeof nl = {
  subject: (academy: string) => `Congratulations: you have completed ${academy}`,
  preview: 'You have completed the programme. Your certificate is attached to this email.',
  heading: 'You have completed the programme',
  intro: (academy: string) => `Congratulations! You have done everything needed to complete ${stop(academy)}`,
  certificate: 'Your certificate is attached to this email as a PDF. You can also download it later from your account.',
  button: 'View my programme',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, academyName }: AcademyCompletedProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(academyName));
}

export default function AcademyCompleted(props: AcademyCompletedProps) {
  const lang = resolveLocale(props.locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject(oneLine(props.academyName))} footer="account">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={props.name} />
      <Paragraph>{t.intro(props.academyName)}</Paragraph>
      <Paragraph>{t.certificate}</Paragraph>
      <EmailButton href={props.accountUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

AcademyCompleted.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  academyName: 'Raadsledenacademie 2027',
  accountUrl: 'https://politiekactief.example/account/academies',
} satisfies AcademyCompletedProps;
