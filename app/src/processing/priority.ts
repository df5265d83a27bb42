import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The lowest CPU priority (nice 19): the thread runs on what the webhook server leaves over. */
export const BACKGROUND_PRIORITY = 19;

/**
 * Lower the calling thread's CPU priority, so that work that can wait never takes the CPU from work that cannot.
 * Linux schedules threads by their own nice value, named by thread id (`/proc/thread-self`). Elsewhere, or where it
 * is refused, the thread keeps its priority and the reason is returned.
 */
export function lowerThreadPriority(priority = BACKGROUND_PRIORITY): { lowered: true } | { lowered: false; reason: string } {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return { lowered: false, reason: 'no thread id in /proc/thread-self' };
    setPriority(tid, priority);
    return { lowered: true };
  } catch (err) {
    return { lowered: false, reason: (err as Error).message };
  }
}
