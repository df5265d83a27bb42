import { readFileSync } from 'node:fs';

/**
 * Peak resident memory of this process in KiB. Linux's getrusage maxrss survives exec, so a child forked from a
 * large bench process would report its parent's peak; VmHWM belongs to this process's own address space.
 */
export function peakRssKiB() {
  const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) : process.resourceUsage().maxRSS;
}
