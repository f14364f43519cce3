// Dutch: the coordinator's course list with its filters and search (/beheer/cursussen).
export const nl = {
  'courseList.filters.heading': 'Zoeken en filteren',
  'courseList.filters.filter': 'Welke cursussen',
  'courseList.filters.all': 'Alle cursussen',
  'courseList.filters.komend': 'Nog niet begonnen',
  'courseList.filters.lopend': 'Bezig',
  'courseList.filters.afgelopen': 'Afgelopen',
  'courseList.filters.concept': 'Concept',
  'courseList.filters.geannuleerd': 'Geannuleerd',
  'courseList.filters.q': 'Zoek op naam of gemeente',
  'courseList.filters.submit': 'Toon cursussen',
  'courseList.filters.clear': 'Alle cursussen tonen',
  'courseList.caption': 'Cursussen: eerst de cursussen die het eerst beginnen, dan die nu bezig zijn',
  'courseList.captionOf': 'Cursussen van {organisation}: eerst de cursussen die het eerst beginnen, dan die nu bezig zijn',
  'courseList.municipality': 'Gemeente',
  'courseList.count': { one: '1 cursus gevonden', other: '{count} cursussen gevonden' },
  'courseList.none': 'Geen cursussen gevonden met deze keuze.',
} as const;
