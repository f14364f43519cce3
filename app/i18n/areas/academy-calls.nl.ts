// Dutch: an academy's call (/academies), applying to it, the reviewers and the selection (ADR 018).
export const nl = {
  'academyApply.errors.motivation': 'Schrijf waarom je mee wilt doen.',
  'academyApply.errors.question': 'Beantwoord deze vraag.',
  'academyApply.errors.notAnOption': 'Kies een van de mogelijkheden.',
  'academyApply.errors.disabilityConsent':
    'Geef toestemming als je wilt delen dat je een beperking hebt. Of zet het vinkje bij beperking uit.',
};
