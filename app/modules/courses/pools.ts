import type { CourseFormat, SeatPool } from '~db/schema';

// Seat pools (issue 16, item 6). A hybrid course has two: the room ('on-site', `capacity`) and
// online ('online', `onlineCapacity`), each with its own seats, waitlist and claim window. An
// in-person or online course has one pool, the one its format names. Client-safe: no database.

type PoolCourse = { format: CourseFormat; capacity: number; onlineCapacity: number | null };

/** The pools of a course, in the order the pages show them. */
export function poolsOf(course: Pick<PoolCourse, 'format'>): SeatPool[] {
  if (course.format === 'hybrid') return ['on-site', 'online'];
  return [course.format === 'online' ? 'online' : 'on-site'];
}

/** The pool of a course with a single pool; null for a hybrid course, where the person chooses. */
export function onlyPool(course: Pick<PoolCourse, 'format'>): SeatPool | null {
  return course.format === 'hybrid' ? null : (poolsOf(course)[0] ?? 'on-site');
}

/** The seats of one pool. A hybrid course without online seats set has none online. */
export function poolCapacity(course: PoolCourse, pool: SeatPool) {
  if (course.format !== 'hybrid') return poolsOf(course)[0] === pool ? course.capacity : 0;
  return pool === 'online' ? (course.onlineCapacity ?? 0) : course.capacity;
}

/** All seats of a course, over its pools. */
export function totalCapacity(course: PoolCourse) {
  return poolsOf(course).reduce((sum, pool) => sum + poolCapacity(course, pool), 0);
}

/** Whether a person in this pool goes to the room (gets the address) or joins online (gets the link). */
export const joinsOnline = (pool: SeatPool) => pool === 'online';
