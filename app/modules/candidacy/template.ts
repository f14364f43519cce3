import type { TemplateStepInput } from './route.server';

type Existing = { id: string; onList: boolean };
type Posted = { id: string; titleNl: string; titleEn: string; daysBefore: number; position: number; remove: boolean };
type NewStep = { titleNl?: string; titleEn?: string; daysBefore?: string } | undefined;

/**
 * The template as the coordinator's form left it: steps sorted by the place they gave (ties keep the
 * page's order), removed ones left out (never the "on the list" step), and a new step put before the
 * first step that lies closer to the deadline than it does.
 */
export function orderTemplate(existing: Existing[], posted: Posted[], newStep: NewStep): TemplateStepInput[] {
  const onList = new Set(existing.filter((s) => s.onList).map((s) => s.id));
  const known = new Set(existing.map((s) => s.id));
  const kept = posted
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => known.has(s.id) && (!s.remove || onList.has(s.id)))
    .sort((a, b) => a.s.position - b.s.position || a.i - b.i)
    .map(({ s }): TemplateStepInput => ({
      id: s.id,
      titleNl: s.titleNl,
      titleEn: s.titleEn,
      daysBefore: s.daysBefore,
      onList: onList.has(s.id),
    }));
  if (newStep?.titleNl && newStep.titleEn && newStep.daysBefore) {
    const added: TemplateStepInput = {
      titleNl: newStep.titleNl,
      titleEn: newStep.titleEn,
      daysBefore: Number(newStep.daysBefore),
      onList: false,
    };
    const at = kept.findIndex((s) => s.daysBefore < added.daysBefore);
    kept.splice(at === -1 ? kept.length : at, 0, added);
  }
  return kept;
}
