import { describe, expect, it } from 'vitest';
import { readElectionData } from '~db/migrate.server';
import { addDays, datedSteps, daysBetween, nextElection, suggestedDate } from './dates';
import { defaultRouteSteps } from './defaults';

const calendar = readElectionData();

describe('the route calendar', () => {
  it('counts every step back from the list deadline of the next election of its kind', () => {
    const election = nextElection(calendar, 'municipal', '2027-01-15')!;
    expect(election.id).toBe('gr2030');
    expect(election.listDeadline).toBe('2030-02-04');
    const steps = datedSteps(defaultRouteSteps, election.listDeadline);
    expect(steps.map((s) => s.suggestedOn)).toEqual(['2028-11-11', '2028-12-31', '2029-02-04', '2029-04-10', '2029-06-09', '2030-02-04']);
    // Every suggested date lies before the deadline, in the template's order.
    expect(steps.every((s, i) => i === 0 || s.suggestedOn >= steps[i - 1]!.suggestedOn)).toBe(true);
  });

  it('moves on to the next election once a deadline has passed, and keeps it on the deadline day itself', () => {
    expect(nextElection(calendar, 'provincial', '2027-02-01')!.id).toBe('ps2027');
    expect(nextElection(calendar, 'provincial', '2027-02-02')).toBeNull(); // none after 2027 in the calendar yet
    expect(nextElection(calendar, 'municipal', '2026-02-02')!.id).toBe('gr2026');
    expect(nextElection(calendar, 'municipal', '2026-02-03')!.id).toBe('gr2030');
  });

  it('holds nomination days that follow the Kieswet: the Monday between 30 January and 5 February (art. F 1)', () => {
    for (const e of calendar) {
      const day = new Date(`${e.listDeadline}T12:00:00Z`);
      expect(day.getUTCDay(), e.id).toBe(1);
      const leap = new Date(Date.UTC(day.getUTCFullYear(), 1, 29)).getUTCMonth() === 1;
      const first = `${day.getUTCFullYear()}-01-${leap ? 31 : 30}`;
      expect(daysBetween(first, e.listDeadline), e.id).toBeGreaterThanOrEqual(0);
      expect(daysBetween(first, e.listDeadline), e.id).toBeLessThanOrEqual(6);
      // Election day is the Wednesday six weeks and two days later (art. J 1: between 15 and 21 March).
      expect(daysBetween(e.listDeadline, e.electionDate), e.id).toBe(44);
    }
  });

  it('crosses months, leap days and years', () => {
    expect(suggestedDate('2028-03-01', 1)).toBe('2028-02-29');
    expect(addDays('2029-12-31', 1)).toBe('2030-01-01');
    expect(suggestedDate('2030-02-04', 0)).toBe('2030-02-04');
  });
});
