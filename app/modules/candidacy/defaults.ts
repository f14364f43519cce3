// The route a network starts with, before its coordinator changes it. The offsets follow the usual
// timeline of a Dutch local party before a municipal election: the candidate committee is formed and
// asks for letters about a year before the nomination day, talks to candidates some months later,
// and the members adopt the list a few weeks before it is handed in. A network edits them to its
// parties' own timeline.

export type DefaultStep = { titleNl: string; titleEn: string; daysBefore: number; onList: boolean };

export const defaultRouteSteps: DefaultStep[] = [
  { titleNl: 'Bezoek een raadsvergadering', titleEn: 'Visit a council meeting', daysBefore: 450, onList: false },
  { titleNl: 'Praat met een lokale partij', titleEn: 'Talk to a local party', daysBefore: 400, onList: false },
  { titleNl: 'Vraag naar de selectieprocedure', titleEn: 'Ask about the selection procedure', daysBefore: 365, onList: false },
  {
    titleNl: 'Stuur je brief naar de kandidatencommissie',
    titleEn: 'Send your letter to the candidate committee',
    daysBefore: 300,
    onList: false,
  },
  { titleNl: 'Gesprek met de kandidatencommissie', titleEn: 'Interview with the candidate committee', daysBefore: 240, onList: false },
  { titleNl: 'Op de lijst', titleEn: 'On the list', daysBefore: 0, onList: true },
];
