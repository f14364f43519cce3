import { EmailButton, EmailHeading, EmailLayout, formatDuration, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type CoordinatorInvitationProps = {
  locale: Locale;
  organisation: string;
  url: string;
  expiresInDays: number;
};

const nl = {
  subject: (organisation: string) => `Uitnodiging: coördinator van ${organisation} op Politiek Actief`,
  preview: (organisation: string) => `Je bent uitgenodigd om coördinator te worden van ${stop(organisation)}`,
  heading: 'Je bent uitgenodigd als coördinator',
  intro: (organisation: string) =>
    `Een beheerder van Politiek Actief heeft je uitgenodigd om coördinator te worden van ${stop(organisation)} Als coördinator beheer je cursussen, mentornetwerken en academies van deze organisatie.`,
  how: 'Klik op de knop. Je maakt dan een account met je naam en een wachtwoord, of je logt in als je al een account hebt.',
  button: 'Uitnodiging bekijken',
  validity: (days: number) => `De link werkt ${formatDuration('nl', days, 'days')} en je kunt hem één keer gebruiken.`,
};

const en: typeof nl = {
  subject: (organisation: string) => `Invitation: coordinator of ${organisation} on Politiek Actief`,
  preview: (organisation: string) => `You are invited to become a coordinator of ${stop(organisation)}`,
  heading: 'You are invited as a coordinator',
  intro: (organisation: string) =>
    `An administrator of Politiek Actief invited you to become a coordinator of ${stop(organisation)} As a coordinator you manage this organisation's courses, mentor networks and academies.`,
  how: 'Click the button. You then create an account with your name and a password, or you log in if you already have one.',
  button: 'View the invitation',
  validity: (days: number) => `The link works for ${formatDuration('en', days, 'days')} and you can use it once.`,
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, organisation }: CoordinatorInvitationProps): string {
  return copy[resolveLocale(locale)].subject(organisation);
}

export default function CoordinatorInvitation({ locale, organisation, url, expiresInDays }: CoordinatorInvitationProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview(organisation)} title={t.subject(organisation)}>
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.intro(organisation)}</Paragraph>
      <Paragraph>{t.how}</Paragraph>
      <EmailButton href={url}>{t.button}</EmailButton>
      <Paragraph>{t.validity(expiresInDays)}</Paragraph>
    </EmailLayout>
  );
}

CoordinatorInvitation.PreviewProps = {
  locale: 'nl',
  organisation: 'Nederlandse Vereniging voor Raadsleden',
  url: 'https://politiekactief.example/beheer/uitnodiging/voorbeeld',
  expiresInDays: 14,
} satisfies CoordinatorInvitationProps;
