import { z } from 'zod';
import type { IntakeQuestion, RegionKind } from '~db/schema/mentoring';
import type { Translate } from '~/i18n';
import { goalIds, themeIds } from '../matching/scoring';
import { applicationMeetingModes, availabilitySlots, languageIds, mentorGenders, selfIdentifiableGroups } from './application-options';

// The mentor application form's schema. Nothing here reaches the database: the municipality is looked
// up by the caller (the server in the database, the browser in the page's own list), so the browser
// checks with the same schema first (ADR 014) and the action parses it again.

const PHONE = /^[0-9+\-() ]{8,20}$/;

/** A municipality with its province: what the region check needs. */
export type Place = { code: string; provinceCode: string };

/** What the form needs to know of the network: its region and its own questions. */
export type NetworkForForm = { regionKind: RegionKind; regionCodes: string[]; intakeQuestions: IntakeQuestion[] };

/** Whether someone living in the municipality (with its province code) lies in the network's region. */
export function regionFits(network: Pick<NetworkForForm, 'regionKind' | 'regionCodes'>, place: Place | null): boolean {
  if (network.regionKind === 'national') return true;
  if (!place) return false;
  return network.regionKind === 'provinces' ? network.regionCodes.includes(place.provinceCode) : network.regionCodes.includes(place.code);
}

/** The form's values as they arrive (every field lenient, so that all rules run in one pass). */
function applicationShape(questions: IntakeQuestion[]) {
  const list = z.array(z.string()).default([]);
  const text = z.string().optional();
  const flag = z.boolean().optional();
  const answers: Record<string, z.ZodOptional<z.ZodString>> = {};
  for (const q of questions) answers[q.id] = z.string().optional();
  return z.object({
    municipality: text,
    themes: list,
    goals: list,
    goalsText: text,
    party: text,
    noParty: flag,
    meetingModes: list,
    languages: list,
    availability: list,
    onlineOnly: flag,
    mentorGender: text,
    sameParty: flag,
    accessibilityNeeds: text,
    q: z.object(answers).optional(),
    phone: text,
    focusGroups: list,
    disability: flag,
    disabilityConsent: flag,
    bron: text,
    utm_source: text,
    utm_medium: text,
    utm_campaign: text,
    utm_content: text,
    utm_term: text,
  });
}

export type ApplicationFormValues = z.infer<ReturnType<typeof applicationShape>>;

/**
 * The application form's schema for one network: every rule with a message for its own field, the
 * region check included, so that a refused form shows all its problems at once.
 */
export function applicationFormSchema(
  t: Translate,
  network: NetworkForForm,
  placeOf: (code: string) => Place | null | Promise<Place | null>,
) {
  const questions = network.intakeQuestions;
  return applicationShape(questions).superRefine((v, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const subsetOf = (values: string[], allowed: readonly string[]) => values.every((x) => allowed.includes(x));
    const tooLong = (value: string | undefined, max: number) => (value?.trim().length ?? 0) > max;

    // The municipality check is asynchronous only when the look-up is (the server's): the browser's
    // parse is synchronous and must stay so.
    const placeChecked = (place: Place | null) => {
      if (!place) issue(['municipality'], t('applications.errors.municipalityUnknown'));
      else if (!regionFits(network, place)) issue(['municipality'], t('applications.errors.outsideRegion'));
    };
    let pending: Promise<void> | undefined;
    if (!v.municipality) issue(['municipality'], t('applications.errors.municipalityRequired'));
    else {
      const place = placeOf(v.municipality);
      if (place instanceof Promise) pending = place.then(placeChecked);
      else placeChecked(place);
    }
    if (v.themes.length === 0) issue(['themes'], t('applications.errors.themesRequired'));
    else if (!subsetOf(v.themes, themeIds)) issue(['themes'], t('applications.errors.notAnOption'));
    if (!subsetOf(v.goals, goalIds)) issue(['goals'], t('applications.errors.notAnOption'));
    else if (v.goals.length === 0 && !v.goalsText?.trim()) issue(['goals'], t('applications.errors.goalsRequired'));
    if (tooLong(v.goalsText, 1000)) issue(['goalsText'], t('applications.errors.max1000'));
    const party = v.party?.trim() ?? '';
    if (v.noParty && party) issue(['party'], t('applications.errors.partyAndNone'));
    else if (!v.noParty && !party) issue(['party'], t('applications.errors.partyRequired'));
    else if (party.length > 100) issue(['party'], t('applications.errors.max100'));
    if (v.meetingModes.length === 0) issue(['meetingModes'], t('applications.errors.meetingModesRequired'));
    else if (!subsetOf(v.meetingModes, applicationMeetingModes)) issue(['meetingModes'], t('applications.errors.notAnOption'));
    if (v.languages.length === 0) issue(['languages'], t('applications.errors.languagesRequired'));
    else if (!subsetOf(v.languages, languageIds)) issue(['languages'], t('applications.errors.notAnOption'));
    if (!subsetOf(v.availability, availabilitySlots)) issue(['availability'], t('applications.errors.notAnOption'));
    if (v.onlineOnly && !v.meetingModes.includes('online')) issue(['onlineOnly'], t('applications.errors.onlineOnlyNeedsOnline'));
    if (v.mentorGender && !(mentorGenders as readonly string[]).includes(v.mentorGender)) {
      issue(['mentorGender'], t('applications.errors.notAnOption'));
    }
    if (v.sameParty && (v.noParty || !party)) issue(['sameParty'], t('applications.errors.samePartyNeedsParty'));
    if (tooLong(v.accessibilityNeeds, 1000)) issue(['accessibilityNeeds'], t('applications.errors.max1000'));
    const phone = v.phone?.trim();
    if (phone && !(PHONE.test(phone) && (phone.match(/\d/g)?.length ?? 0) >= 8)) issue(['phone'], t('applications.errors.phone'));
    if (!subsetOf(v.focusGroups, selfIdentifiableGroups)) issue(['focusGroups'], t('applications.errors.notAnOption'));
    if (v.disability && !v.disabilityConsent) issue(['disabilityConsent'], t('applications.errors.disabilityConsent'));

    for (const q of questions) {
      const answer = v.q?.[q.id]?.trim() ?? '';
      if (!answer) {
        if (q.required)
          issue(['q', q.id], q.kind === 'text' ? t('applications.errors.answerRequired') : t('applications.errors.chooseOne'));
        continue;
      }
      if (q.kind === 'text' && answer.length > 1000) issue(['q', q.id], t('applications.errors.max1000'));
      const allowed = q.kind === 'yes-no' ? ['yes', 'no'] : q.kind === 'choice' ? q.options : null;
      if (allowed && !allowed.includes(answer)) issue(['q', q.id], t('applications.errors.notAnOption'));
    }
    return pending;
  });
}
