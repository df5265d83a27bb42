import { execFileSync, spawnSync } from 'node:child_process';

/**
 * R's survival package (Debian r-cran-survival), the reference implementation the fits are checked against. Absent
 * locally: the parity tests skip with one line; under CI=true absence fails.
 */
export function rSurvival(): boolean {
  const probe = spawnSync('Rscript', ['-e', 'suppressMessages(library(survival)); cat("ok")'], { encoding: 'utf8' });
  if (probe.stdout === 'ok') return true;
  if (process.env.CI === 'true') throw new Error('Rscript with the survival package is missing; CI must apt-get install r-cran-survival');
  console.log('skipped: R survival parity (apt-get install r-cran-survival to run it)');
  return false;
}

/** Run an R script whose data is `csv` (read as `d`); what it passes to `out(...)` comes back in order, at full precision. */
export function runR(csv: string, script: string): number[] {
  const out = execFileSync(
    'Rscript',
    [
      '-e',
      `suppressMessages(library(survival)); out <- function(...) cat(sprintf("%.15g", c(...)), sep = "\\n"); d <- read.csv(file("stdin")); ${script}`,
    ],
    {
      input: csv,
      encoding: 'utf8',
    },
  );
  return out
    .trim()
    .split(/\s+/)
    .map((v) => (v === 'NA' ? Number.NaN : Number(v)));
}
