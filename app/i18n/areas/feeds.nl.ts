// Nederlands: agenda om je op te abonneren (iCalendar) met de cursussen van een gemeente, provincie of organisatie.
export const nl = {
  'feeds.name.municipality': 'Cursussen Politiek Actief in {name}',
  'feeds.name.province': 'Cursussen Politiek Actief in {name}',
  'feeds.name.organisation': 'Cursussen Politiek Actief van {name}',
  'feeds.description': 'Alle bijeenkomsten van de cursussen: {name}. De agenda wordt vanzelf bijgewerkt.',
  'feeds.cancelledSummary': 'Gaat niet door: {title}',
  'feeds.by': 'Door {organisation}',
  'feeds.subscribe.heading': 'Zet deze cursussen in je agenda',
  'feeds.subscribe.intro': 'Abonneer je op de agenda van {name}. Nieuwe cursussen en wijzigingen komen er vanzelf in.',
  'feeds.subscribe.webcal': 'Abonneren in je agenda-app',
  'feeds.subscribe.https': 'Link voor Google Agenda of Outlook (kopieer deze)',
} as const;
