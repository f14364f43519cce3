import { oneLine } from './course-parts';
import { resolveLocale, type Locale } from './layout';
import { PlacementEmail, placementPreview, type PlacementEmailProps } from './placement-parts';

/** A placement changed (the host moved its days or place) or was called off: to the host and the participant. */
export type PlacementUpdateProps = PlacementEmailProps & {
  change: 'changed' | 'called-off';
  /** Who called it off. */
  by: 'host' | 'slot-withdrawn' | 'coordinator' | 'participant' | 'left' | null;
  byYou: boolean;
  /** Whether a calendar file is attached. */
  calendar: boolean;
};

const nl = {
  subjectChanged: (academy: string) => `Meeloopstage gewijzigd (${academy})`,
  subjectOff: (academy: string) => `Meeloopstage gaat niet door (${academy})`,
  headingChanged: 'Je meeloopstage is gewijzigd',
  headingOff: 'Je meeloopstage gaat niet door',
  changed: (other: string) =>
    other
      ? `De dagen of de plaats van je meeloopstage met ${other} zijn gewijzigd. Dit zijn de nieuwe gegevens.`
      : 'De dagen of de plaats van je meeloopstage zijn gewijzigd. Dit zijn de nieuwe gegevens.',
  byYou: 'Je hebt de meeloopstage afgezegd. Dat is gelukt.',
  host: (other: string) => (other ? `${other} heeft de meeloopstage afgezegd.` : 'De gastheer heeft de meeloopstage afgezegd.'),
  slot: (other: string) => (other ? `${other} biedt deze dagen niet meer aan.` : 'De gastheer biedt deze dagen niet meer aan.'),
  participant: (other: string) => (other ? `${other} heeft de meeloopstage afgezegd.` : 'De deelnemer heeft de meeloopstage afgezegd.'),
  coordinator: 'De coördinator van de academie heeft de meeloopstage afgezegd.',
  left: 'De andere persoon heeft zijn of haar account verwijderd.',
  again: 'De coördinator kan je voor een andere meeloopstage kiezen. Je hoeft daarvoor niets te doen.',
  hostFree: 'Deze plek is weer vrij. De coördinator kan er iemand anders voor kiezen.',
  calendarChanged: 'In de bijlage zit de nieuwe versie voor je agenda.',
  calendarOff: 'Met de bijlage haal je de meeloopstage uit je agenda.',
  button: 'Bekijk je meeloopstages',
};

const en: typeof nl = {
  subjectChanged: (academy: string) => `Placement changed (${academy})`,
  subjectOff: (academy: string) => `Placement called off (${academy})`,
  headingChanged: 'Your placement has changed',
  headingOff: 'Your placement is called off',
  changed: (other: string) =>
    other
      ? `The days or the place of your placement with ${other} have changed. These are the new details.`
      : 'The days or the place of your placement have changed. These are the new details.',
  byYou: 'You called the placement off. That worked.',
  host: (other: string) => (other ? `${other} called the placement off.` : 'The host called the placement off.'),
  slot: (other: string) => (other ? `${other} no longer offers these days.` : 'The host no longer offers these days.'),
  participant: (other: string) => (other ? `${other} called the placement off.` : 'The participant called the placement off.'),
  coordinator: 'The academy’s coordinator called the placement off.',
  left: 'The other person deleted their account.',
  again: 'The coordinator can choose another placement for you. You do not need to do anything for that.',
  hostFree: 'This place is free again. The coordinator can choose someone else for it.',
  calendarChanged: 'The new version for your calendar is attached.',
  calendarOff: 'The attachment removes the placement from your calendar.',
  button: 'See your placements',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject({ locale, academyName, change }: PlacementUpdateProps): string {
  const t = copy[resolveLocale(locale)];
  return change === 'changed' ? t.subjectChanged(oneLine(academyName)) : t.subjectOff(oneLine(academyName));
}

function whatHappened(t: typeof nl, props: PlacementUpdateProps) {
  if (props.change === 'changed') return t.changed(props.otherName);
  if (props.byYou) return t.byYou;
  switch (props.by) {
    case 'slot-withdrawn':
      return t.slot(props.otherName);
    case 'participant':
      return t.participant(props.otherName);
    case 'coordinator':
      return t.coordinator;
    case 'left':
      return t.left;
    default:
      return t.host(props.otherName);
  }
}

export default function PlacementUpdate(props: PlacementUpdateProps) {
  const lang = resolveLocale(props.locale);
  const t = copy[lang];
  const line = whatHappened(t, props);
  const off = props.change === 'called-off';
  const notes = [
    off && !props.byYou ? (props.role === 'participant' ? t.again : t.hostFree) : null,
    props.calendar ? (off ? t.calendarOff : t.calendarChanged) : null,
  ].filter((note) => note !== null);
  return (
    <PlacementEmail
      lang={lang}
      title={subject(props)}
      heading={off ? t.headingOff : t.headingChanged}
      line={line}
      notes={notes}
      button={t.button}
      props={props}
    />
  );
}

PlacementUpdate.PreviewProps = {
  ...placementPreview,
  change: 'called-off',
  by: 'slot-withdrawn',
  byYou: false,
  calendar: true,
} satisfies PlacementUpdateProps;
