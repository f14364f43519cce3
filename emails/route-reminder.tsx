import { Greeting, oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, Paragraph, resolveLocale, type Locale } from './layout';

export type RouteReminderProps = {
  locale: Locale;
  name: string;
  kind: 'step-soon' | 'deadline-passed';
  /** Set when this is the mentor's copy: the mentee's name. */
  menteeName: string | null;
  stepTitle: string;
  /** The step's suggested date, or the list deadline, in words. */
  date: string;
  electionName: string;
  routeUrl: string;
};

const nl = {
  subject: (p: RouteReminderProps) =>
    p.kind === 'step-soon'
      ? p.menteeName
        ? `Kopie: over twee weken staat een stap op de route van ${p.menteeName}`
        : 'Over twee weken: de volgende stap op je route naar de lijst'
      : p.menteeName
        ? `Kopie: de kandidaatstelling voor de ${p.electionName} is voorbij`
        : `De kandidaatstelling voor de ${p.electionName} is voorbij`,
  heading: (p: RouteReminderProps): string => (p.kind === 'step-soon' ? 'Je volgende stap' : 'De lijsten zijn ingeleverd'),
  copy: (mentee: string) => `Dit is een kopie. ${mentee} vindt het goed dat jij deze herinnering ook krijgt.`,
  stepSoon: (p: RouteReminderProps) =>
    `${p.menteeName ? `Voor ${p.menteeName} staat` : 'Op je route staat'} "${p.stepTitle}" rond ${p.date}. Dat is over ongeveer twee weken.`,
  deadlinePassed: (p: RouteReminderProps) =>
    `Op ${p.date} leverden de partijen hun lijsten in voor de ${p.electionName}. ${p.menteeName ? `${p.menteeName} heeft` : 'Je hebt'} "${p.stepTitle}" nog niet aangevinkt.`,
  next: 'Sta je op een lijst? Vink de stap dan aan. Zo niet: de route telt nu af naar de volgende verkiezingen.',
  button: 'Naar de route',
};

const en: typeof nl = {
  subject: (p) =>
    p.kind === 'step-soon'
      ? p.menteeName
        ? `Copy: a step on ${p.menteeName}'s route is due in two weeks`
        : 'In two weeks: the next step on your route to the list'
      : p.menteeName
        ? `Copy: the nomination day for the ${p.electionName} has passed`
        : `The nomination day for the ${p.electionName} has passed`,
  heading: (p) => (p.kind === 'step-soon' ? 'Your next step' : 'The lists have been handed in'),
  copy: (mentee) => `This is a copy. ${mentee} agreed that you get this reminder too.`,
  stepSoon: (p) =>
    `${p.menteeName ? `${p.menteeName}'s route has` : 'Your route has'} "${p.stepTitle}" around ${p.date}. That is in about two weeks.`,
  deadlinePassed: (p) =>
    `On ${p.date} the parties handed in their lists for the ${p.electionName}. ${p.menteeName ? `${p.menteeName} has` : 'You have'} not ticked "${p.stepTitle}" yet.`,
  next: 'Are you on a list? Then tick the step. If not, the route now counts down to the next elections.',
  button: 'Go to the route',
};

const copy: Record<Locale, typeof nl> = { nl, en };

export function subject(props: RouteReminderProps): string {
  return oneLine(copy[resolveLocale(props.locale)].subject(props));
}

export default function RouteReminder(props: RouteReminderProps) {
  const lang = resolveLocale(props.locale);
  const t = copy[lang];
  return (
    <EmailLayout locale={lang} preview={t.heading(props)} title={subject(props)} footer="account">
      <EmailHeading>{t.heading(props)}</EmailHeading>
      <Greeting locale={lang} name={props.name} />
      {props.menteeName ? <Paragraph>{t.copy(props.menteeName)}</Paragraph> : null}
      <Paragraph>{props.kind === 'step-soon' ? t.stepSoon(props) : t.deadlinePassed(props)}</Paragraph>
      {props.kind === 'deadline-passed' ? <Paragraph>{t.next}</Paragraph> : null}
      <EmailButton href={props.routeUrl}>{t.button}</EmailButton>
    </EmailLayout>
  );
}

RouteReminder.PreviewProps = {
  locale: 'nl',
  name: 'Fatima',
  kind: 'step-soon',
  menteeName: null,
  stepTitle: 'Stuur je brief naar de kandidatencommissie',
  date: '10 april 2029',
  electionName: 'Gemeenteraadsverkiezingen 2030',
  routeUrl: 'https://politiekactief.example/koppeling/voorbeeld#route',
} satisfies RouteReminderProps;
