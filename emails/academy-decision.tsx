import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale, stop } from './layout';

/** offered: admitted (or moved up from the reserves), with a claim window; reserve; declined, with the reason. */
export type AcademyDecisionKind = 'offered' | 'moved-up' | 'reserve' | 'declined' | 'lapsed';

export type AcademyDecisionProps = {
  locale: Locale;
  kind: AcademyDecisionKind;
  name: string;
  academyName: string;
  organisationName: string;
  /** For declines: the coordinator's reason. */
  reason?: string;
  /** For offers: until when the place can be accepted, written out. */
  claimBefore?: string;
  accountUrl: string;
};

const nl = {
  subject: {
    offered: (a: string) => `Je bent toegelaten tot ${a}`,
    'moved-up': (a: string) => `Er is een plek vrij voor je in ${a}`,
    reserve: (a: string) => `Je staat op de reservelijst van ${a}`,
    declined: (a: string) => `Je aanmelding voor ${a}`,
    lapsed: (a: string) => `Je plek in ${a} is vervallen`,
  },
  heading: {
    offered: 'Je bent toegelaten',
    'moved-up': 'Er is een plek vrij voor je',
    reserve: 'Je staat op de reservelijst',
    declined: 'Je bent deze keer niet gekozen',
    lapsed: 'Je plek is vervallen',
  },
  body: {
    offered: (a: string, o: string) => `Goed nieuws: je kunt meedoen aan ${a} van ${stop(o)}`,
    'moved-up': (a: string, o: string) => `Iemand heeft zijn plek in ${a} van ${o} opgegeven. Die plek is nu voor jou.`,
    reserve: (a: string, o: string) =>
      `Er waren meer aanmeldingen voor ${a} van ${o} dan plaatsen. Je staat op de reservelijst. Geeft iemand zijn plek op? Dan krijg je een e-mail.`,
    declined: (a: string, o: string) => `Er waren meer aanmeldingen voor ${a} van ${o} dan plaatsen. Je bent deze keer niet gekozen.`,
    lapsed: (a: string, o: string) => `Je hebt je plek in ${a} van ${o} niet op tijd aangenomen. Daarom is hij naar iemand anders gegaan.`,
  },
  reason: 'De reden:',
  claim: (before: string) => `Neem je plek aan vóór ${before}. Doe je dat niet, dan gaat de plek naar iemand op de reservelijst.`,
  button: 'Naar mijn account',
};

const en: typeof nl = {
  subject: {
    offered: (a: string) => `You have been admitted to ${a}`,
    'moved-up': (a: string) => `A place has become free for you in ${a}`,
    reserve: (a: string) => `You are on the reserve list of ${a}`,
    declined: (a: string) => `Your application for ${a}`,
    lapsed: (a: string) => `Your place in ${a} has lapsed`,
  },
  heading: {
    offered: 'You have been admitted',
    'moved-up': 'A place has become free for you',
    reserve: 'You are on the reserve list',
    declined: 'You have not been chosen this time',
    lapsed: 'Your place has lapsed',
  },
  body: {
    offered: (a: string, o: string) => `Good news: you can take part in ${a} of ${stop(o)}`,
    'moved-up': (a: string, o: string) => `Someone has given up their place in ${a} of ${o}. That place is now yours.`,
    reserve: (a: string, o: string) =>
      `There were more applications for ${a} of ${o} than places. You are on the reserve list. If someone gives up their place, you get an email.`,
    declined: (a: string, o: string) => `There were more applications for ${a} of ${o} than places. You have not been chosen this time.`,
    lapsed: (a: string, o: string) => `You did not accept your place in ${a} of ${o} in time, so it has gone to someone else.`,
  },
  reason: 'The reason:',
  claim: (before: string) => `Accept your place before ${before}. If you do not, the place goes to someone on the reserve list.`,
  button: 'Go to my account',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, kind, academyName }: AcademyDecisionProps): string {
  return copy[resolveLocale(locale)].subject[kind](oneLine(academyName));
}

export default function AcademyDecision(props: AcademyDecisionProps) {
  const lang = resolveLocale(props.locale);
  const t = copy[lang];
  const offer = props.kind === 'offered' || props.kind === 'moved-up';
  return (
    <EmailLayout locale={lang} preview={t.heading[props.kind]} title={subject(props)} footer="account">
      <EmailHeading>{t.heading[props.kind]}</EmailHeading>
      <Greeting locale={lang} name={props.name} />
      <Paragraph>{t.body[props.kind](props.academyName, props.organisationName)}</Paragraph>
      {props.kind === 'declined' && props.reason ? (
        <Paragraph>
          {t.reason} {props.reason}
        </Paragraph>
      ) : null}
      {offer && props.claimBefore ? <Paragraph>{t.claim(props.claimBefore)}</Paragraph> : null}
      <EmailButton href={props.accountUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

AcademyDecision.PreviewProps = {
  locale: 'nl',
  kind: 'offered',
  name: 'Fatima',
  academyName: 'Raadsledenacademie 2027',
  organisationName: 'Nederlandse Vereniging voor Raadsleden',
  claimBefore: 'vrijdag 5 februari 2027, 23:59',
  accountUrl: 'https://politiekactief.example/account',
} satisfies AcademyDecisionProps;
