import type { Db } from '~db/client.server';
import { auditEvents } from '~db/schema';
import { now } from '../clock.server';
import type { AuditEntity } from '../labels';

export type AuditAction = (typeof auditEvents.$inferInsert)['action'];

/**
 * Records that someone read or changed special-category (or other sensitive) data of a person.
 * Call it inside the transaction of the change, or right after a read. Reads and changes by the
 * person themselves are not recorded (pass nothing when actor and subject are the same).
 */
export async function recordAudit(
  db: Db,
  event: {
    actorUserId: string | null;
    subjectUserId: string;
    action: AuditAction;
    /** One of `auditEntities` (labels.ts), so the privacy page can name it in words. */
    entity: AuditEntity;
    entityId?: string | null;
    organisationId?: string | null;
    detail?: Record<string, unknown>;
  },
) {
  if (event.actorUserId !== null && event.actorUserId === event.subjectUserId) return;
  await db.insert(auditEvents).values({ ...event, entityId: event.entityId ?? null, at: now() });
}
