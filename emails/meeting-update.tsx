import { Greeting, LabelledLine, oneLine, UrlLink } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, formatDuration, Paragraph, resolveLocale, type Locale } from './layout';

/**
 * A meeting of a match was proposed, moved, accepted, declined or cancelled; the calendar file comes with
 * it. `left`: the other person deleted their account, so the meeting is off; that email names nobody
 * (`otherName` is empty) and its button leads to the recipient's own mentoring page.
 */
export type MeetingUpdateProps = {
  locale: Locale;
  name: string;
  otherName: string;
  change: 'proposed' | 'countered' | 'accepted' | 'declined' | 'cancelled' | 'left';
  /** The recipient made the change themselves (a copy for their own calendar). */
  byYou: boolean;
  when: string;
  durationMinutes: number;
  place: string;
  videoUrl: string;
  matchUrl: string;
};

type Change = MeetingUpdateProps['change'];

const nl = {
  subject: {
    proposed: (o: string) => `${o} stelt een afspraak voor`,
    countered: (o: string) => `${o} stelt een andere tijd voor`,
    accepted: (o: string) => `Afspraak met ${o} staat vast`,
    declined: (o: string) => `Afspraak met ${o} gaat niet door`,
    cancelled: (o: string) => `Afspraak met ${o} is afgezegd`,
    left: () => 'Je afspraak gaat niet door',
  } satisfies Record<Change, (o: string) => string>,
  yours: {
    proposed: (o: string) => `Je hebt ${o} een afspraak voorgesteld. ${o} kan ja zeggen, nee zeggen of een andere tijd voorstellen.`,
    countered: (o: string) => `Je hebt ${o} een andere tijd voorgesteld.`,
    accepted: (o: string) => `Je hebt ja gezegd tegen de afspraak met ${o}.`,
    declined: (o: string) => `Je hebt nee gezegd tegen de afspraak met ${o}.`,
    cancelled: (o: string) => `Je hebt de afspraak met ${o} afgezegd.`,
    left: () => 'De afspraak gaat niet door.',
  } satisfies Record<Change, (o: string) => string>,
  theirs: {
    proposed: (o: string) => `${o} wil graag met je afspreken. Zeg ja of nee, of stel een andere tijd voor.`,
    countered: (o: string) => `${o} stelt een andere tijd voor. Zeg ja of nee, of stel zelf weer een andere tijd voor.`,
    accepted: (o: string) => `${o} heeft ja gezegd. De afspraak staat vast.`,
    declined: (o: string) => `${o} kan niet op deze tijd. Stel gerust een andere tijd voor.`,
    cancelled: (o: string) => `${o} heeft de afspraak afgezegd.`,
    left: () => 'De ander heeft zijn of haar account verwijderd. Daarom gaat jullie afspraak niet door en is jullie koppeling gestopt.',
  } satisfies Record<Change, (o: string) => string>,
  when: 'Wanneer',
  duration: 'Hoe lang',
  place: 'Waar',
  video: 'Videolink',
  calendar: 'In de bijlage zit de afspraak voor je agenda.',
  calendarCancel: 'Met de bijlage haal je de afspraak uit je agenda.',
  button: 'Naar jullie koppeling',
  buttonLeft: 'Naar je mentoraat',
};

const en: typeof nl = {
  subject: {
    proposed: (o) => `${o} proposes a meeting`,
    countered: (o) => `${o} proposes another time`,
    accepted: (o) => `Your meeting with ${o} is confirmed`,
    declined: (o) => `Your meeting with ${o} will not take place`,
    cancelled: (o) => `Your meeting with ${o} is cancelled`,
    left: () => 'Your meeting will not take place',
  },
  yours: {
    proposed: (o) => `You proposed a meeting to ${o}. ${o} can say yes, say no or propose another time.`,
    countered: (o) => `You proposed another time to ${o}.`,
    accepted: (o) => `You said yes to the meeting with ${o}.`,
    declined: (o) => `You said no to the meeting with ${o}.`,
    cancelled: (o) => `You cancelled the meeting with ${o}.`,
    left: () => 'The meeting will not take place.',
  },
  theirs: {
    proposed: (o) => `${o} would like to meet you. Say yes or no, or propose another time.`,
    countered: (o) => `${o} proposes another time. Say yes or no, or propose another time yourself.`,
    accepted: (o) => `${o} said yes. The meeting is confirmed.`,
    declined: (o) => `${o} cannot make this time. Feel free to propose another time.`,
    cancelled: (o) => `${o} cancelled the meeting.`,
    left: () => 'The other person deleted their account. So your meeting will not take place, and your match has ended.',
  },
  when: 'When',
  duration: 'How long',
  place: 'Where',
  video: 'Video link',
  calendar: 'The meeting for your calendar is attached.',
  calendarCancel: 'The attachment takes the meeting out of your calendar.',
  button: 'Go to your match',
  buttonLeft: 'Go to your mentoring',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, otherName, change }: MeetingUpdateProps): string {
  return copy[resolveLocale(locale)].subject[change](oneLine(otherName));
}

export default function MeetingUpdate(props: MeetingUpdateProps) {
  const lang = resolveLocale(props.locale);
  const t = copy[lang];
  const other = oneLine(props.otherName);
  const off = props.change === 'declined' || props.change === 'cancelled' || props.change === 'left';
  return (
    <EmailLayout locale={lang} preview={t.subject[props.change](other)} title={t.subject[props.change](other)} footer="account">
      <EmailHeading>{t.subject[props.change](other)}</EmailHeading>
      <Greeting locale={lang} name={props.name} />
      <Paragraph>{(props.byYou ? t.yours : t.theirs)[props.change](other)}</Paragraph>
      <LabelledLine label={t.when}>{props.when}</LabelledLine>
      <LabelledLine label={t.duration}>{formatDuration(lang, props.durationMinutes, 'minutes')}</LabelledLine>
      {props.place ? <LabelledLine label={t.place}>{props.place}</LabelledLine> : null}
      {props.videoUrl ? (
        <LabelledLine label={t.video}>
          <UrlLink href={props.videoUrl} />
        </LabelledLine>
      ) : null}
      <Paragraph>{off ? t.calendarCancel : t.calendar}</Paragraph>
      <EmailButton href={props.matchUrl}>{props.change === 'left' ? t.buttonLeft : t.button}</EmailButton>
    </EmailLayout>
  );
}

MeetingUpdate.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  otherName: 'Jan de Vries',
  change: 'proposed',
  byYou: false,
  when: 'dinsdag 12 januari 2027 om 19:30',
  durationMinutes: 60,
  place: 'Stadhuis Zwolle',
  videoUrl: '',
  matchUrl: 'https://politiekactief.example/koppeling/voorbeeld',
} satisfies MeetingUpdateProps;
