// Matching run of a network: /beheer/netwerken/:id/koppelen.
export const nl = {
  'matchingRuns.title': 'Koppelen',
  'matchingRuns.intro':
    'Hier koppel je mentees die wachten aan mentoren van dit netwerk. De computer zoekt eerst zoveel mogelijk koppelingen, en daarbinnen de koppelingen die het best passen. Je ziet eerst een voorstel. Je kunt het aanpassen. Mentoren krijgen pas een e-mail als je het voorstel verstuurt.',
  'matchingRuns.waiting': 'Wachtende mentees: {mentees}. Mentoren met een ingevuld profiel: {mentors}.',

  'matchingRuns.start': 'Koppelingen zoeken',
  'matchingRuns.rerun': 'Opnieuw zoeken (vastgezette koppelingen blijven)',
  'matchingRuns.rerunHint':
    'Opnieuw zoeken maakt een nieuw voorstel. Koppelingen die je hebt vastgezet blijven staan. Verstuurde en lopende koppelingen veranderen nooit.',
  'matchingRuns.busy': 'Er wordt al naar koppelingen gezocht. Wacht tot dat klaar is.',

  'matchingRuns.progress.heading': 'Bezig met zoeken',
  'matchingRuns.progress.label': 'Voortgang',
  'matchingRuns.progress.queued': 'Wacht op zijn beurt…',
  'matchingRuns.progress.loading': 'Gegevens ophalen…',
  'matchingRuns.progress.scoring': 'Passende koppelingen berekenen…',
  'matchingRuns.progress.solving': 'De beste indeling zoeken…',
  'matchingRuns.progress.saving': 'Voorstel opslaan…',
  'matchingRuns.progress.percent': '{percent}% klaar',
  'matchingRuns.progress.refresh': 'Pagina vernieuwen',
  'matchingRuns.progress.auto': 'Deze pagina ververst zichzelf tot het voorstel klaar is.',

  'matchingRuns.failed.heading': 'Het zoeken is mislukt',
  'matchingRuns.failed.body':
    'Er ging iets mis bij het zoeken naar koppelingen. Probeer het opnieuw. Lukt het weer niet? Neem dan contact op met de beheerder.',
  'matchingRuns.failed.lost': 'Het zoeken duurde te lang en is gestopt.',
  'matchingRuns.failed.detail': 'Foutmelding: {error}',

  'matchingRuns.published.heading': 'Voorstel verstuurd',
  'matchingRuns.published.body': 'Het laatste voorstel is verstuurd op {date}. De mentoren hebben een e-mail gekregen.',
  'matchingRuns.none': 'Er is nog niet gezocht naar koppelingen voor dit netwerk.',

  'matchingRuns.draft.heading': 'Voorstel',
  'matchingRuns.draft.madeAt': 'Gemaakt op {date}. Nog niet verstuurd.',
  'matchingRuns.totals.heading': 'Samenvatting',
  'matchingRuns.totals.matched': 'Gekoppeld',
  'matchingRuns.totals.unmatched': 'Niet gekoppeld',
  'matchingRuns.totals.score': 'Totale score',
  'matchingRuns.totals.average': 'Gemiddelde score',
  'matchingRuns.totals.caption': 'Samenvatting van het voorstel',
  'matchingRuns.totals.what': 'Wat',
  'matchingRuns.totals.value': 'Aantal',
  'matchingRuns.totals.options': 'Mogelijke koppelingen bekeken: {edges}, in {seconds} seconden.',
  'matchingRuns.compare.heading': 'Vergelijking met de simpele methode',
  'matchingRuns.compare.intro':
    'De simpele methode kiest steeds de koppeling met de hoogste score die nog kan. Dit voorstel kijkt naar alle mentees tegelijk.',
  'matchingRuns.compare.moreMatched': {
    one: 'Dit voorstel koppelt 1 persoon meer dan de simpele methode ({ours} tegen {theirs}).',
    other: 'Dit voorstel koppelt {count} mensen meer dan de simpele methode ({ours} tegen {theirs}).',
  },
  'matchingRuns.compare.sameMatched': 'Dit voorstel koppelt evenveel mensen als de simpele methode: {ours}.',
  'matchingRuns.compare.moreScore': {
    one: 'De totale score is 1 punt hoger ({ours} tegen {theirs}).',
    other: 'De totale score is {count} punten hoger ({ours} tegen {theirs}).',
  },
  'matchingRuns.compare.lessScore': {
    one: 'De totale score is 1 punt lager ({ours} tegen {theirs}). Dat komt doordat meer mensen een mentor krijgen: dat gaat voor.',
    other:
      'De totale score is {count} punten lager ({ours} tegen {theirs}). Dat komt doordat meer mensen een mentor krijgen: dat gaat voor.',
  },
  'matchingRuns.compare.sameScore': 'De totale score is gelijk: {ours}.',
  'matchingRuns.compare.changed':
    'Je hebt het voorstel met de hand aangepast. De vergelijking gaat over het voorstel zoals de computer het maakte.',

  'matchingRuns.pairs.search': 'Zoek op naam of e-mailadres van mentee of mentor, of op gemeente',
  'matchingRuns.pairs.pages': 'Pagina’s met koppelingen in het voorstel',
  'matchingRuns.unmatched.pages': 'Pagina’s met mentees zonder mentor',
  'matchingRuns.pairs.heading': 'Koppelingen',
  'matchingRuns.pairs.caption': 'Voorgestelde koppelingen, met de score en waarom ze passen',
  'matchingRuns.pairs.none': 'Dit voorstel heeft geen koppelingen.',
  'matchingRuns.pairs.mentee': 'Mentee',
  'matchingRuns.pairs.mentor': 'Mentor',
  'matchingRuns.pairs.score': 'Score',
  'matchingRuns.pairs.why': 'Waarom',
  'matchingRuns.pairs.actions': 'Aanpassen',
  'matchingRuns.pairs.pinned': 'Vastgezet',
  'matchingRuns.pairs.byHand': 'Met de hand gekoppeld',
  'matchingRuns.pairs.noReasons': 'Ze voldoen aan alle eisen, maar hebben verder weinig gemeen.',
  'matchingRuns.pairs.pin': 'Vastzetten',
  'matchingRuns.pairs.forbid': 'Nooit koppelen',
  'matchingRuns.pairs.move': 'Andere mentor',
  'matchingRuns.pairs.pairLabel': '{mentee} en {mentor}',
  'matchingRuns.pairs.scoreOf': '{score} van 100',
  'matchingRuns.pairs.points': '(+{points})',
  'matchingRuns.pairs.noMunicipality': 'Gemeente onbekend',
  'matchingRuns.pairs.remaining': { one: 'Na dit voorstel nog 1 plek vrij', other: 'Na dit voorstel nog {count} plekken vrij' },
  'matchingRuns.pairs.scaleNote':
    'De score loopt van 0 tot 100. Achter elke reden staat hoeveel punten die opleverde; de zwaarste staat bovenaan. Bij de mentor staan de gemeente en hoeveel mentees die er na dit voorstel nog bij kan hebben.',

  'matchingRuns.unmatched.heading': 'Niet gekoppeld',
  'matchingRuns.unmatched.caption': 'Mentees zonder mentor in dit voorstel, en waarom',
  'matchingRuns.unmatched.none': 'Iedereen die wacht, heeft een mentor in dit voorstel.',
  'matchingRuns.unmatched.municipality': 'Gemeente',
  'matchingRuns.unmatched.reason': 'Reden',
  'matchingRuns.unmatched.action': 'Aanpassen',
  'matchingRuns.unmatched.byHand': 'Met de hand koppelen',
  'matchingRuns.reason.no-compatible-mentor':
    'Geen enkele mentor past bij de eisen van deze mentee (taal, manier van afspreken of wensen).',
  'matchingRuns.reason.all-compatible-mentors-full': 'De mentoren die passen, hebben geen plek meer.',
  'matchingRuns.reason.all-compatible-mentors-paused': 'De mentoren die passen, pauzeren nu.',
  'matchingRuns.reason.compatible-mentors-taken':
    'De mentoren die passen, zijn al aan andere mentees gekoppeld. Zo krijgen zoveel mogelijk mensen een mentor.',
  'matchingRuns.reason.removed-by-hand': 'Je hebt de koppeling van deze mentee uit het voorstel gehaald.',
  'matchingRuns.reason.new-since-run': 'Deze mentee meldde zich aan na het zoeken. Zoek opnieuw om mee te doen.',

  'matchingRuns.move.heading': 'Andere mentor kiezen voor {mentee}',
  'matchingRuns.move.intro':
    'Je ziet alleen mentoren die passen bij de eisen van deze mentee en die nog plek hebben. De koppeling wordt vastgezet.',
  'matchingRuns.move.current': 'Nu gekoppeld aan: {mentor}.',
  'matchingRuns.move.legend': 'Mentor',
  'matchingRuns.move.option': '{mentor} — score {score}',
  'matchingRuns.move.none': 'Er is geen andere mentor die past en nog plek heeft.',
  'matchingRuns.move.submit': 'Koppelen aan deze mentor',
  'matchingRuns.move.cancel': 'Annuleren',
  'matchingRuns.move.choose': 'Kies een mentor.',
  'matchingRuns.move.notPossible': 'Deze mentor kan niet meer: kies een andere.',

  'matchingRuns.rules.heading': 'Vastgezet en uitgesloten',
  'matchingRuns.rules.caption': 'Je eigen regels voor dit netwerk',
  'matchingRuns.rules.none': 'Je hebt nog niets vastgezet of uitgesloten.',
  'matchingRuns.rules.kind': 'Regel',
  'matchingRuns.rules.pin': 'Altijd koppelen',
  'matchingRuns.rules.forbid': 'Nooit koppelen',
  'matchingRuns.rules.remove': 'Weghalen',
  'matchingRuns.rules.dropped':
    'Deze vastgezette koppeling zit niet in het voorstel: de mentor past niet meer of heeft geen plek. Zoek opnieuw of haal de regel weg.',
  'matchingRuns.rules.droppedShort': 'Niet in het voorstel',
  'matchingRuns.rules.menteeProposed': 'Heeft nu een voorstel. De regel blijft gelden bij een volgende koppelronde.',
  'matchingRuns.rules.menteeMatched': 'Is nu gekoppeld. De regel blijft gelden bij een volgende koppelronde.',

  'matchingRuns.publish.heading': 'Versturen',
  'matchingRuns.publish.body':
    'Klaar? Dan krijgt elke mentor een e-mail met het voorstel. Mentees die je hier koppelt, doen daarna niet meer mee met zoeken, tenzij de mentor nee zegt.',
  'matchingRuns.publish.submit': 'Voorstel versturen naar de mentoren',
  'matchingRuns.publish.notDraft': 'Dit voorstel is al verstuurd of vervangen door een nieuwer voorstel.',

  'notice.matchingRun.started': 'Het zoeken is begonnen.',
  'notice.matchingRun.pinned': 'De koppeling is vastgezet. Ze blijft staan als je opnieuw zoekt.',
  'notice.matchingRun.forbidden': 'Deze twee worden nooit meer aan elkaar gekoppeld in dit netwerk.',
  'notice.matchingRun.moved': 'De mentee is met de hand gekoppeld aan een andere mentor.',
  'notice.matchingRun.removed': 'De regel is weggehaald.',
  'notice.matchingRun.published': {
    one: 'Het voorstel is verstuurd: de mentoren hebben een e-mail gekregen over 1 koppeling.',
    other: 'Het voorstel is verstuurd: de mentoren hebben een e-mail gekregen over {count} koppelingen.',
  },
  'notice.matchingRun.publishedSkipped': {
    one: '1 koppeling kon niet meer (de mentee wacht niet meer of de mentor heeft geen plek).',
    other: '{count} koppelingen konden niet meer (de mentee wacht niet meer of de mentor heeft geen plek).',
  },
  'matchingRuns.errors.unknown': 'Dit kan niet. Vernieuw de pagina en probeer het opnieuw.',
} as const;
