// Long lists of coordinators (a network's applications, matches and matching draft): the summary,
// the search and the pages.
export const nl = {
  'lists.summary.heading': 'Overzicht',
  'lists.summary.all': 'Alle: {count}',
  'lists.summary.status': '{status}: {count}',
  'lists.search.people': 'Zoek op naam, e-mailadres of gemeente',
  'lists.search.allStatuses': 'Alle',
  'lists.search.submit': 'Zoeken',
  'lists.search.clear': 'Alles weer tonen',
  'lists.results.none': 'Niets gevonden. Zoek op iets anders of toon alles weer.',
  'lists.results.range': '{from} tot en met {to} van {total}',
  'lists.results.pastEnd': { one: 'Deze pagina is leeg. Er is 1 resultaat.', other: 'Deze pagina is leeg. Er zijn {count} resultaten.' },
  'lists.pager.previous': 'Vorige',
  'lists.pager.next': 'Volgende',
  'lists.pager.page': 'Pagina {page}',
} as const;
