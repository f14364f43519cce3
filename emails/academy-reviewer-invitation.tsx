import { oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, formatDuration, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type AcademyReviewerInvitationProps = {
  locale: Locale;
  academyName: string;
  organisationName: string;
  invitedBy: string;
  url: string;
  expiresInDays: number;
};

const nl = {
  subject: (academy: string) => `Uitnodiging: beoordeel de aanmeldingen voor ${academy}`,
  preview: (organisation: string) => `${organisation} vraagt of je aanmeldingen wilt beoordelen.`,
  heading: 'Wil je aanmeldingen beoordelen?',
  intro: (by: string, organisation: string, academy: string) =>
    `${by} van ${organisation} vraagt je om de aanmeldingen voor ${stop(academy)} te beoordelen. Je geeft elke aanmelding een cijfer per onderdeel. Je ziet de cijfers van anderen pas als je zelf een cijfer hebt gegeven.`,
  button: 'Uitnodiging bekijken',
  validity: (days: number) => `De link werkt ${formatDuration('nl', days, 'days')} en je kunt hem één keer gebruiken.`,
  notYou: 'Verwachtte je deze e-mail niet? Dan kun je hem negeren.',
};

const en: typeof nl = {
  subject: (academy: string) => `Invitation: review the applications for ${academy}`,
  preview: (organisation: string) => `${organisation} asks whether you would like to review applications.`,
  heading: 'Will you review applications?',
  intro: (by: string, organisation: string, academy: string) =>
    `${by} of ${organisation} asks you to review the applications for ${stop(academy)} You score each application on each criterion. You see other people's scores only after giving your own.`,
  button: 'View the invitation',
  validity: (days: number) => `The link works for ${formatDuration('en', days, 'days')} and you can use it once.`,
  notYou: 'Not expecting this email? Then you can ignore it.',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, academyName }: AcademyReviewerInvitationProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(academyName));
}

export default function AcademyReviewerInvitation(props: AcademyReviewerInvitationProps) {
  const lang = resolveLocale(props.locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview(props.organisationName)} title={subject(props)}>
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.intro(props.invitedBy, props.organisationName, props.academyName)}</Paragraph>
      <EmailButton href={props.url}>{t.button}</EmailButton>
      <Paragraph>{t.validity(props.expiresInDays)}</Paragraph>
      <Paragraph>{t.notYou}</Paragraph>
    </EmailLayout>
  );
}

AcademyReviewerInvitation.PreviewProps = {
  locale: 'nl',
  academyName: 'Raadsledenacademie 2027',
  organisationName: 'Nederlandse Vereniging voor Raadsleden',
  invitedBy: 'Petra de Vries',
  url: 'https://politiekactief.example/academies/uitnodiging/abc',
  expiresInDays: 14,
} satisfies AcademyReviewerInvitationProps;
