import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

export type MatchFeedbackRequestProps = {
  locale: Locale;
  name: string;
  otherName: string;
  /** Four weeks after the start, or the end of the programme period. */
  moment: 'four-weeks' | 'end';
  networkName: string;
  feedbackUrl: string;
};

const nl = {
  subject: { 'four-weeks': 'Hoe gaan de eerste weken?', end: 'Hoe was het mentoraat?' },
  preview: 'Twee korte vragen: een cijfer van 1 tot 5 en een paar woorden.',
  heading: { 'four-weeks': 'Hoe gaan de eerste weken?', end: 'Het programma is klaar' },
  intro: {
    'four-weeks': (other: string, network: string) =>
      `Je bent nu vier weken gekoppeld met ${other} in ${stop(network)} We zijn benieuwd hoe het gaat.`,
    end: (other: string, network: string) =>
      `De periode van ${network} is voorbij. Bedankt voor de tijd met ${stop(other)} We horen graag hoe het was.`,
  },
  ask: 'Geef een cijfer van 1 tot 5 en schrijf er een paar woorden bij. Het kost een minuut. Alleen de coördinator van het netwerk leest het.',
  button: 'Vragen beantwoorden',
};

const en: typeof nl = {
  subject: { 'four-weeks': 'How are the first weeks going?', end: 'How was the mentoring?' },
  preview: 'Two short questions: a score from 1 to 5 and a few words.',
  heading: { 'four-weeks': 'How are the first weeks going?', end: 'The programme has finished' },
  intro: {
    'four-weeks': (other: string, network: string) =>
      `You have been matched with ${other} in ${network} for four weeks now. We would like to know how it is going.`,
    end: (other: string, network: string) =>
      `The period of ${network} is over. Thank you for your time with ${stop(other)} We would like to hear how it was.`,
  },
  ask: 'Give a score from 1 to 5 and add a few words. It takes a minute. Only the coordinator of the network reads it.',
  button: 'Answer the questions',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, moment }: MatchFeedbackRequestProps): string {
  return copy[resolveLocale(locale)].subject[moment];
}

export default function MatchFeedbackRequest({ locale, name, otherName, moment, networkName, feedbackUrl }: MatchFeedbackRequestProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject[moment]} footer="account">
      <EmailHeading>{t.heading[moment]}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro[moment](oneLine(otherName), networkName)}</Paragraph>
      <Paragraph>{t.ask}</Paragraph>
      <EmailButton href={feedbackUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

MatchFeedbackRequest.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  otherName: 'Jan de Vries',
  moment: 'four-weeks',
  networkName: 'Vrouwen in de raad',
  feedbackUrl: 'https://politiekactief.example/koppeling/voorbeeld/feedback?moment=four-weeks',
} satisfies MatchFeedbackRequestProps;
