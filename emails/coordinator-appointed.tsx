import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type CoordinatorAppointedProps = {
  locale: Locale;
  name: string;
  organisation: string;
  url: string;
};

const nl = {
  subject: (organisation: string) => `Je bent nu coördinator van ${organisation}`,
  preview: (organisation: string) => `Je kunt nu cursussen, netwerken en academies van ${organisation} beheren.`,
  heading: 'Je bent coördinator',
  greeting: (name: string) => `Beste ${name},`,
  intro: (organisation: string) =>
    `Een beheerder van Politiek Actief heeft je coördinator gemaakt van ${stop(organisation)} Je beheert nu de cursussen, mentornetwerken en academies van deze organisatie.`,
  button: 'Naar Beheer',
  login: 'Log in met je bestaande account. Onder Beheer zie je wat er aandacht nodig heeft.',
};

const en: typeof nl = {
  subject: (organisation: string) => `You are now a coordinator of ${organisation}`,
  preview: (organisation: string) => `You can now manage the courses, networks and academies of ${stop(organisation)}`,
  heading: 'You are a coordinator',
  greeting: (name: string) => `Dear ${name},`,
  intro: (organisation: string) =>
    `An administrator of Politiek Actief made you a coordinator of ${stop(organisation)} You now manage this organisation's courses, mentor networks and academies.`,
  button: 'Go to Manage',
  login: 'Log in with your existing account. Under Manage you see what needs attention.',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, organisation }: CoordinatorAppointedProps): string {
  return copy[resolveLocale(locale)].subject(organisation);
}

export default function CoordinatorAppointed({ locale, name, organisation, url }: CoordinatorAppointedProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview(organisation)} title={t.subject(organisation)} footer="account">
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.greeting(name)}</Paragraph>
      <Paragraph>{t.intro(organisation)}</Paragraph>
      <EmailButton href={url}>{t.button}</EmailButton>
      <Paragraph>{t.login}</Paragraph>
    </EmailLayout>
  );
}

CoordinatorAppointed.PreviewProps = {
  locale: 'nl',
  name: 'Cor',
  organisation: 'Nederlandse Vereniging voor Raadsleden',
  url: 'https://politiekactief.example/beheer?organisatie=voorbeeld',
} satisfies CoordinatorAppointedProps;
