import type { Geography } from '../matching/scoring';

// Scores of a participant in a placement slot (0–100), with a sentence per part, for the exact
// engine (ADR 008). Pure. Every pair that is not forbidden or declined before is an edge, even at
// score 0: the engine first places as many participants as capacity allows, then maximises the
// total score, so a participant without preferences still gets a place when one is free.

export type PlacementParticipant = { id: string; municipalityCode: string | null };
export type PlacementSlotOffer = { id: string; municipalityCode: string; hostOffice: string };
export type PlacementReason = { nl: string; en: string };

/** Points of a preference by rank: the first choice 50, each next one 10 less, from the sixth 0. */
const preferencePoints = (rank: number | undefined) => (rank === undefined ? 0 : Math.max(0, 50 - (rank - 1) * 10));
const REGION = { sameMunicipality: 25, neighbouring: 15, sameProvince: 10 } as const;
const OFFICE = 25;

const officeWords: Record<string, PlacementReason> = {
  mayor: { nl: 'burgemeester', en: 'mayor' },
  alderman: { nl: 'wethouder', en: 'alderman' },
  'council-member': { nl: 'raadslid', en: 'council member' },
};

export function scorePlacement(
  participant: PlacementParticipant,
  slot: PlacementSlotOffer,
  context: { rank: number | undefined; officesAimedAt: readonly string[]; geography: Geography },
): { score: number; reasons: PlacementReason[] } {
  const reasons: PlacementReason[] = [];
  let score = 0;
  const points = preferencePoints(context.rank);
  if (context.rank !== undefined) {
    score += points;
    reasons.push({
      nl: `Keuze ${context.rank} van de deelnemer (+${points})`,
      en: `The participant's choice ${context.rank} (+${points})`,
    });
  }
  const home = participant.municipalityCode;
  if (home) {
    const place = context.geography.nameOf(slot.municipalityCode) ?? slot.municipalityCode;
    if (home === slot.municipalityCode) {
      score += REGION.sameMunicipality;
      reasons.push({ nl: `Woont in ${place} (+${REGION.sameMunicipality})`, en: `Lives in ${place} (+${REGION.sameMunicipality})` });
    } else if (context.geography.areNeighbours(home, slot.municipalityCode)) {
      score += REGION.neighbouring;
      reasons.push({ nl: `Woont naast ${place} (+${REGION.neighbouring})`, en: `Lives next to ${place} (+${REGION.neighbouring})` });
    } else {
      const province = context.geography.provinceOf(home);
      if (province && province === context.geography.provinceOf(slot.municipalityCode)) {
        score += REGION.sameProvince;
        reasons.push({
          nl: `Woont in dezelfde provincie, ${province} (+${REGION.sameProvince})`,
          en: `Lives in the same province, ${province} (+${REGION.sameProvince})`,
        });
      }
    }
  }
  if (context.officesAimedAt.includes(slot.hostOffice)) {
    const office = officeWords[slot.hostOffice] ?? { nl: slot.hostOffice, en: slot.hostOffice };
    score += OFFICE;
    reasons.push({ nl: `De academie leidt op tot ${office.nl} (+${OFFICE})`, en: `The academy prepares for ${office.en} (+${OFFICE})` });
  }
  return { score: Math.min(100, score), reasons };
}
