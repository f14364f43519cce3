import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

/**
 * To a mentor when a proposal lapsed because they did not answer in time (day
 * `proposalExpiryDays`). Like the reminder, only the mentee's first name: no contact details, and
 * special-category data never reaches a mentor.
 */
export type MatchExpiredProps = {
  locale: Locale;
  name: string;
  menteeFirstName: string;
  networkName: string;
  /** The mentor's overview (/mentor). */
  mentorUrl: string;
};

const nl = {
  subject: (mentee: string) => `Het voorstel voor ${mentee} is vervallen`,
  preview: (mentee: string) => `We stellen ${mentee} voor aan een andere mentor. Je hoeft niets te doen.`,
  heading: 'Het voorstel is vervallen',
  lapsed: (mentee: string, network: string) =>
    `We stelden je voor als mentor van ${mentee} in het mentornetwerk ${stop(network)} We kregen geen antwoord op tijd. Daarom is het voorstel vervallen.`,
  next: (mentee: string) => `We stellen ${mentee} nu voor aan een andere mentor. Je hoeft niets te doen.`,
  pause: 'Heb je even geen tijd voor een mentee? Zet dan een pauze in je mentorprofiel. Dan krijg je geen nieuwe voorstellen.',
  button: 'Naar mijn mentoraat',
};

const en: typeof nl = {
  subject: (mentee: string) => `The proposal for ${mentee} has lapsed`,
  preview: (mentee: string) => `We will propose ${mentee} to another mentor. You do not need to do anything.`,
  heading: 'The proposal has lapsed',
  lapsed: (mentee: string, network: string) =>
    `We proposed you as the mentor of ${mentee} in the mentor network ${stop(network)} We did not get an answer in time, so the proposal has lapsed.`,
  next: (mentee: string) => `We will now propose ${mentee} to another mentor. You do not need to do anything.`,
  pause: 'No time for a mentee at the moment? Then set a pause in your mentor profile. You will get no new proposals until then.',
  button: 'Go to my mentoring',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, menteeFirstName }: MatchExpiredProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(menteeFirstName));
}

export default function MatchExpired({ locale, name, menteeFirstName, networkName, mentorUrl }: MatchExpiredProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview(menteeFirstName)} title={t.subject(oneLine(menteeFirstName))} footer="account">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.lapsed(menteeFirstName, networkName)}</Paragraph>
      <Paragraph>{t.next(menteeFirstName)}</Paragraph>
      <Paragraph>{t.pause}</Paragraph>
      <EmailButton href={mentorUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

MatchExpired.PreviewProps = {
  locale: 'nl',
  name: 'Jan de Vries',
  menteeFirstName: 'Fatima',
  networkName: 'Vrouwen in de raad',
  mentorUrl: 'https://politiekactief.example/mentor',
} satisfies MatchExpiredProps;
