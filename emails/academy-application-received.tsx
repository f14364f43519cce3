import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type AcademyApplicationReceivedProps = {
  locale: Locale;
  name: string;
  academyName: string;
  organisationName: string;
  /** The last day the application can still be changed or withdrawn, written out. */
  closesAt: string;
  /** /account: where the person sees, changes or withdraws the application. */
  accountUrl: string;
};

const nl = {
  subject: (academy: string) => `We hebben je aanmelding voor ${academy} ontvangen`,
  preview: 'Je aanmelding is binnen. Na de sluiting kiest de academie wie mee kan doen.',
  heading: 'Je aanmelding is binnen',
  intro: (academy: string, organisation: string) => `Bedankt voor je aanmelding voor ${academy} van ${stop(organisation)}`,
  next: (closes: string) =>
    `De aanmelding sluit op ${closes}. Daarna lezen de coördinator en de beoordelaars alle aanmeldingen. Je krijgt een e-mail als de keuze gemaakt is.`,
  manage: 'Tot de sluiting kun je je aanmelding bekijken, veranderen of intrekken op je account.',
  button: 'Mijn aanmelding bekijken',
  notYou: 'Heb jij je niet aangemeld? Laat het ons dan weten door op deze e-mail te antwoorden.',
};

const en: typeof nl = {
  subject: (academy: string) => `We have received your application for ${academy}`,
  preview: 'Your application is in. After the closing date the academy chooses who can take part.',
  heading: 'Your application is in',
  intro: (academy: string, organisation: string) => `Thank you for applying for ${academy} of ${stop(organisation)}`,
  next: (closes: string) =>
    `Applications close on ${closes}. After that the coordinator and the reviewers read every application. You get an email once the choice has been made.`,
  manage: 'Until the closing date you can see, change or withdraw your application in your account.',
  button: 'View my application',
  notYou: 'Did you not apply? Then please let us know by replying to this email.',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, academyName }: AcademyApplicationReceivedProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(academyName));
}

export default function AcademyApplicationReceived(props: AcademyApplicationReceivedProps) {
  const lang = resolveLocale(props.locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject(oneLine(props.academyName))} footer="account">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={props.name} />
      <Paragraph>{t.intro(props.academyName, props.organisationName)}</Paragraph>
      <Paragraph>{t.next(props.closesAt)}</Paragraph>
      <Paragraph>{t.manage}</Paragraph>
      <EmailButton href={props.accountUrl}>{t.button}</EmailButton>
      <Paragraph>{t.notYou}</Paragraph>
    </EmailLayout>
  );
}

AcademyApplicationReceived.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  academyName: 'Raadsledenacademie 2027',
  organisationName: 'Nederlandse Vereniging voor Raadsleden',
  closesAt: 'vrijdag 15 januari 2027, 23:59',
  accountUrl: 'https://politiekactief.example/account',
} satisfies AcademyApplicationReceivedProps;
