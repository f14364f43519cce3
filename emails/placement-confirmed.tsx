import { oneLine } from './course-parts';
import { resolveLocale, type Locale } from './layout';
import { PlacementEmail, placementPreview, type PlacementEmailProps } from './placement-parts';

/** The host accepted a placement: to the host and to the participant, with the calendar invitation attached. */
export type PlacementConfirmedProps = PlacementEmailProps;

const nl = {
  subject: (other: string) => `Meeloopstage met ${other} staat vast`,
  heading: 'Je meeloopstage staat vast',
  host: (other: string, academy: string) => `Je hebt ja gezegd: ${other} (${academy}) loopt met je mee.`,
  participant: (other: string, academy: string) => `${other} heeft ja gezegd: je loopt mee voor ${academy}.`,
  calendar: 'In de bijlage zit de meeloopstage voor je agenda.',
  button: 'Bekijk de details',
};

const en: typeof nl = {
  subject: (other: string) => `Placement with ${other} confirmed`,
  heading: 'Your placement is confirmed',
  host: (other: string, academy: string) => `You said yes: ${other} (${academy}) will shadow you.`,
  participant: (other: string, academy: string) => `${other} said yes: you will shadow them for ${academy}.`,
  calendar: 'The placement for your calendar is attached.',
  button: 'See the details',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, otherName }: PlacementConfirmedProps): string {
  return copy[resolveLocale(locale)].subject(oneLine(otherName));
}

export default function PlacementConfirmed(props: PlacementConfirmedProps) {
  const lang = resolveLocale(props.locale);
  const t = copy[lang];
  const line = props.role === 'host' ? t.host(props.otherName, props.academyName) : t.participant(props.otherName, props.academyName);
  return (
    <PlacementEmail
      lang={lang}
      title={subject(props)}
      heading={t.heading}
      line={line}
      notes={[t.calendar]}
      button={t.button}
      props={props}
    />
  );
}

PlacementConfirmed.PreviewProps = placementPreview satisfies PlacementConfirmedProps;
