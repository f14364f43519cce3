import { inArray } from 'drizzle-orm';
import type { Db } from './client.server';
import { academies, academyApplications, users } from './schema';

// A demo academy whose cohort is in place, for the job-shadowing placements (issue 15 point 6): the
// demo candidate and two more participants have accepted applications (an accepted application is
// the cohort membership, ADR 018). Hosts are invited by the coordinator on
// /beheer/academies/:id/meeloopstages (the demo mentor can accept such an invitation).

const participants = [
  { email: 'deelnemer-noor@politiekactief.example', name: 'Noor Deelnemer', municipalityCode: 'GM0363' },
  { email: 'deelnemer-sem@politiekactief.example', name: 'Sem Deelnemer', municipalityCode: 'GM0153' },
] as const;

const demoPlacementAcademyName = 'Oriëntatieprogramma burgemeesters';

export async function seedDemoPlacementAcademy(tx: Db, options: { organisationId: string; candidateId: string; at: Date }) {
  // The participants' accounts have no password; a reseed replaces them (the academy goes with its organisation).
  await tx.delete(users).where(
    inArray(
      users.email,
      participants.map((p) => p.email),
    ),
  );
  const people = await tx
    .insert(users)
    .values(participants.map((p) => ({ email: p.email, name: p.name, emailVerifiedAt: options.at })))
    .returning({ id: users.id, email: users.email });
  const year = options.at.getUTCFullYear();
  const [academy] = await tx
    .insert(academies)
    .values({
      organisationId: options.organisationId,
      name: demoPlacementAcademyName,
      description: 'Trainingsdagen en meeloopstages bij zittende burgemeesters, voor wie burgemeester wil worden.',
      periodStart: `${year}-01-01`,
      periodEnd: `${year + 1}-12-31`,
      eligibleOffices: ['mayor'],
      seats: 16,
      decisionsReleasedAt: options.at,
    })
    .returning({ id: academies.id });
  const home = new Map<string, string>(participants.map((p) => [p.email, p.municipalityCode]));
  await tx.insert(academyApplications).values([
    {
      academyId: academy!.id,
      userId: options.candidateId,
      municipalityCode: 'GM0193',
      motivation: 'Ik wil weten hoe het werk van een burgemeester echt is.',
      status: 'accepted' as const,
      decision: 'admit' as const,
      respondedAt: options.at,
    },
    ...people.map((p) => ({
      academyId: academy!.id,
      userId: p.id,
      municipalityCode: home.get(p.email) ?? null,
      motivation: 'Ik wil burgemeester worden.',
      status: 'accepted' as const,
      decision: 'admit' as const,
      respondedAt: options.at,
    })),
  ]);
}
