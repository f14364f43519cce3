import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, formatDuration, Paragraph, resolveLocale, type Locale } from './layout';

export type MatchNudgeProps = {
  locale: Locale;
  name: string;
  otherName: string;
  weeks: number;
  matchUrl: string;
};

const nl = {
  subject: (other: string) => `Hoe gaat het met jou en ${other}?`,
  preview: (weeks: number) => `We hebben al ${formatDuration('nl', weeks, 'weeks')} geen afspraak van jullie gezien.`,
  heading: 'Even bijpraten?',
  intro: (other: string, weeks: number) =>
    `Er staat al ${formatDuration('nl', weeks, 'weeks')} geen afspraak met ${other} in Politiek Actief. Misschien is het tijd om weer eens af te spreken.`,
  logged: 'Hebben jullie wel afgesproken? Schrijf het dan kort op bij jullie koppeling. Wil je stoppen? Dat kan daar ook.',
  button: 'Naar jullie koppeling',
};

const en: typeof nl = {
  subject: (other: string) => `How are you and ${other} getting on?`,
  preview: (weeks: number) => `We have not seen a meeting of yours for ${formatDuration('en', weeks, 'weeks')}.`,
  heading: 'Time to catch up?',
  intro: (other: string, weeks: number) =>
    `No meeting with ${other} has been written down in Politiek Actief for ${formatDuration('en', weeks, 'weeks')}. Perhaps it is time to meet again.`,
  logged: 'Did you meet after all? Then write it down briefly with your match. Would you like to stop? You can do that there too.',
  button: 'Go to your match',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, otherName }: MatchNudgeProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(otherName));
}

export default function MatchNudge({ locale, name, otherName, weeks, matchUrl }: MatchNudgeProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview(weeks)} title={t.subject(oneLine(otherName))} footer="account">
      <EmailHeading>{t.heading}</EmailHeading>
      <Greeting locale={lang} name={name} />
      <Paragraph>{t.intro(otherName, weeks)}</Paragraph>
      <Paragraph>{t.logged}</Paragraph>
      <EmailButton href={matchUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

MatchNudge.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  otherName: 'Jan de Vries',
  weeks: 6,
  matchUrl: 'https://politiekactief.example/koppeling/voorbeeld',
} satisfies MatchNudgeProps;
