import type { Db } from './client.server';
import { networks } from './schema';

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A small demo network open for applications, so that /mentoraat has something to apply to in a demo
 * and in the end-to-end tests (e2e/apply.spec.ts applies to it). It sits beside the networks of
 * db/seed-mentoring.ts and has no mentors of its own.
 */
export async function seedDemoApplicationNetwork(tx: Db, options: { organisationId: string; coordinatorId: string; at: Date }) {
  const start = new Date(options.at.getTime() - 30 * 24 * 3600_000);
  const end = new Date(options.at.getTime() + 300 * 24 * 3600_000);
  const [network] = await tx
    .insert(networks)
    .values({
      organisationId: options.organisationId,
      name: 'Demonetwerk Mentoraat',
      description: 'Een landelijk demonetwerk: ervaren raadsleden helpen nieuwe mensen op weg. Alleen voor de demo.',
      focusGroup: 'open',
      regionKind: 'national',
      periodStart: day(start),
      periodEnd: day(end),
      applicationsOpen: true,
      intakeQuestions: [
        { id: 'motivatie', label: 'Waarom wil je een mentor?', kind: 'text', options: [], required: true },
        { id: 'cursus', label: 'Heb je een cursus Politiek Actief gevolgd?', kind: 'yes-no', options: [], required: false },
      ],
      createdBy: options.coordinatorId,
    })
    .returning({ id: networks.id });
  return network!.id;
}
