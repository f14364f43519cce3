import { Greeting, ItemList, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, formatDuration, Paragraph, resolveLocale, type Locale, stop } from './layout';

/**
 * To a mentor when a coordinator publishes a matching run: a mentee is proposed to them. Only the
 * mentee's first name and municipality: contact details are shared after the mentor accepts, and
 * special-category data never reaches a mentor.
 */
export type MatchProposedProps = {
  locale: Locale;
  name: string;
  menteeFirstName: string;
  municipality: string;
  networkName: string;
  /** The sentences explaining the match, in `locale`. */
  reasons: string[];
  proposalUrl: string;
  /** Days the mentor has to answer before the proposal expires. */
  expiresInDays: number;
};

const nl = {
  subject: (mentee: string) => `Nieuwe mentee voor jou: ${mentee}`,
  preview: (mentee: string, municipality: string) => `${mentee} uit ${municipality} zoekt een mentor. Wil jij dat zijn?`,
  heading: 'Er is een mentee voor jou',
  intro: (mentee: string, municipality: string, network: string) =>
    `De coördinator van ${network} stelt voor dat jij de mentor wordt van ${mentee} uit ${stop(municipality)}`,
  why: 'Waarom jullie goed bij elkaar passen:',
  answer: (days: number) => `Laat binnen ${formatDuration('nl', days, 'days')} weten of je dit wilt. Daarna vervalt het voorstel.`,
  button: 'Voorstel bekijken',
  contact: 'Zeg je ja? Dan krijgen jullie allebei een e-mail met elkaars gegevens.',
};

const en: typeof nl = {
  subject: (mentee: string) => `A new mentee for you: ${mentee}`,
  preview: (mentee: string, municipality: string) => `${mentee} from ${municipality} is looking for a mentor. Will you be theirs?`,
  heading: 'There is a mentee for you',
  intro: (mentee: string, municipality: string, network: string) =>
    `The coordinator of ${network} proposes that you become the mentor of ${mentee} from ${stop(municipality)}`,
  why: 'Why you fit well together:',
  answer: (days: number) =>
    `Please let us know within ${formatDuration('en', days, 'days')} whether you want this. After that the proposal expires.`,
  button: 'View the proposal',
  contact: 'If you say yes, you both get an email with each other’s contact details.',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, menteeFirstName }: MatchProposedProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(menteeFirstName));
}

export default function MatchProposed({
  locale,
  name,
  menteeFirstName,
  municipality,
  networkName,
  reasons,
  proposalUrl,
  expiresInDays,
}: MatchProposedProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout
      locale={lang}
      preview={t.preview(menteeFirstName, municipality)}
      title={t.subject(oneLine(menteeFirstName))}
      footer="account"
    >
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(menteeFirstName, municipality, networkName)}</Paragraph>
      {reasons.length > 0 ? (
        <>
          <Paragraph>{t.why}</Paragraph>
          <ItemList items={reasons.map((reason, index) => ({ key: `${index}`, html: reason, text: reason }))} textPrefix="- " />
        </>
      ) : null}
      <Paragraph>
        <strong>{t.answer(expiresInDays)}</strong>
      </Paragraph>
      <EmailButton href={proposalUrl}>{t.button}</EmailButton>
      <Paragraph>{t.contact}</Paragraph>
    </EmailLayout>
  );
}

MatchProposed.PreviewProps = {
  locale: 'nl',
  name: 'Henk',
  menteeFirstName: 'Fatima',
  municipality: 'Zwolle',
  networkName: 'Vrouwen in de raad',
  reasons: ['Jullie wonen allebei in Zwolle', "2 gedeelde thema's: zorg en onderwijs"],
  proposalUrl: 'https://politiekactief.example/mentor/voorstellen/voorbeeld',
  expiresInDays: 14,
} satisfies MatchProposedProps;
