import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale } from './layout';

export type MatchPartnerLeftProps = {
  locale: Locale;
  name: string;
  /** The other person's role in the match, from the recipient's point of view. */
  partnerRole: 'mentor' | 'mentee';
  networkName: string;
  mentoringUrl: string;
};

const nl = {
  subject: 'Je mentoraat is gestopt',
  preview: 'Je mentoraat is gestopt.',
  heading: 'Je mentoraat is gestopt',
  hello: (name: string) => `Hallo ${name},`,
  stopped: (role: 'mentor' | 'mentee', network: string) =>
    `${role === 'mentor' ? 'Je mentor' : 'Je mentee'} in ${network} doet niet meer mee aan Politiek Actief. Daarom is jullie mentoraat gestopt.`,
  next: 'Je hoeft niets te doen. De coördinator van het netwerk weet het ook.',
  button: 'Naar mentoraat',
};

const en: typeof nl = {
  subject: 'Your mentoring has stopped',
  preview: 'Your mentoring has stopped.',
  heading: 'Your mentoring has stopped',
  hello: (name: string) => `Hello ${name},`,
  stopped: (role: 'mentor' | 'mentee', network: string) =>
    `${role === 'mentor' ? 'Your mentor' : 'Your mentee'} in ${network} no longer takes part in Politiek Actief. That is why your mentoring has stopped.`,
  next: 'You do not need to do anything. The network’s coordinator knows too.',
  button: 'Go to mentoring',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale }: MatchPartnerLeftProps): string {
  return copy[resolveLocale(locale)].subject;
}

/** Sent to the other person when someone in an active or proposed match deletes their account (no reason given). */
export default function MatchPartnerLeft({ locale, name, partnerRole, networkName, mentoringUrl }: MatchPartnerLeftProps) {
  const lang = resolveLocale(locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.preview} title={t.subject} footer="account">
      <EmailHeading>{t.heading}</EmailHeading>
      <Paragraph>{t.hello(name)}</Paragraph>
      <Paragraph>{t.stopped(partnerRole, networkName)}</Paragraph>
      <Paragraph>{t.next}</Paragraph>
      <EmailButton href={mentoringUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

MatchPartnerLeft.PreviewProps = {
  locale: 'nl',
  name: 'Sanne',
  partnerRole: 'mentee',
  networkName: 'Mentornetwerk Overijssel',
  mentoringUrl: 'https://politiekactief.example/mentoraat',
} satisfies MatchPartnerLeftProps;
