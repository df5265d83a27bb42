import type { CommitEffects, LedgerState } from '../ledger/types.js';
import { COHORTS, type Cohort, type CommitDiff } from '../ledger/types.js';
import { SurvivalTable } from '../survival/samples.js';

const DAY_MS = 86_400_000;

/** What happened to one default-branch commit's lines and to the commit itself. */
export interface CommitOutcome {
  repo: number;
  cohort: Cohort;
  author: string;
  at: number;
  born: number;
  /** Per window: lines deleted or rewritten within N days, and whether a fix-like commit did it. */
  diedWithin: number[];
  fixedWithin: boolean[];
  /** Days from the commit to the first commit that reverted it (null: never reverted). */
  revertedAfter: number | null;
  fixLike: boolean;
}

/**
 * Follows every line a commit adds until it dies (deleted or rewritten: an event) or is no longer tracked (an
 * omitted patch, or still there at the end: censored). Survival records are per (commit, file), weighted by lines;
 * the stratum is the repository and file where the lines ended (moved and renamed lines carry their age with them).
 */
export class LineLifetimes {
  readonly table = new SurvivalTable(2, 4096);
  readonly commits: CommitOutcome[] = [];
  /** Stratum id -> repository index, and the file of each stratum. */
  readonly strata: { repo: number; path: string }[] = [];
  private readonly strataIds = new Map<string, number>();
  private readonly index = new Map<string, number>();
  private readonly byPrefix = new Map<string, number[]>();
  private readonly alive = new Map<number, Map<string, number>>();

  constructor(private readonly windows: readonly number[]) {}

  /** Before the commit is applied: a rename carries the old file's lines to the new name. */
  beforeApply(repo: number, ledger: LedgerState, commit: CommitDiff): void {
    for (const f of commit.files) {
      if (f.status === 'copied' || !f.previousFilename || f.previousFilename === f.filename) continue;
      for (const r of ledger.get(f.previousFilename) ?? []) {
        const idx = this.index.get(this.key(repo, r.origin.sha));
        if (idx !== undefined) this.transfer(idx, f.previousFilename, f.filename, r.length);
      }
    }
  }

  afterApply(repo: number, commit: CommitDiff, effects: CommitEffects, author: string, fixLike: boolean): void {
    const at = Date.parse(effects.at);
    const idx = this.commits.length;
    this.commits.push({
      repo,
      cohort: commit.cohort,
      author,
      at,
      born: 0,
      diedWithin: this.windows.map(() => 0),
      fixedWithin: this.windows.map(() => false),
      revertedAfter: null,
      fixLike,
    });
    this.index.set(this.key(repo, commit.sha), idx);
    this.shas.push(commit.sha);
    const prefix = `${repo}:${commit.sha.slice(0, 7)}`;
    this.byPrefix.set(prefix, [...(this.byPrefix.get(prefix) ?? []), idx]);
    const self = this.commits[idx] as CommitOutcome;
    for (const b of effects.births) {
      self.born += b.lines;
      this.change(idx, b.path, b.lines);
    }
    for (const m of effects.moves) {
      const from = this.index.get(this.key(repo, m.origin.sha));
      if (from !== undefined) this.transfer(from, m.fromPath, m.toPath, m.lines);
    }
    for (const d of effects.deaths) {
      const origin = this.index.get(this.key(repo, d.origin.sha));
      if (origin === undefined) continue;
      const o = this.commits[origin] as CommitOutcome;
      this.change(origin, d.path, -d.lines);
      this.record(repo, d.path, d.ageDays, true, d.lines, origin, o.cohort);
      this.windows.forEach((n, w) => {
        if (d.ageDays > n) return;
        (o.diedWithin[w] as number) += d.lines;
        if (fixLike) o.fixedWithin[w] = true;
      });
    }
    for (const g of effects.gaps)
      for (const l of g.lost) {
        const origin = this.index.get(this.key(repo, l.origin.sha));
        if (origin === undefined) continue;
        const o = this.commits[origin] as CommitOutcome;
        this.change(origin, g.path, -l.lines);
        this.record(repo, g.path, (at - o.at) / DAY_MS, false, l.lines, origin, o.cohort);
      }
    for (const sha of effects.reverts)
      for (const target of this.byPrefix.get(`${repo}:${sha.slice(0, 7)}`) ?? []) {
        const t = this.commits[target] as CommitOutcome;
        if (target === idx || t.repo !== repo || t.revertedAfter !== null) continue;
        if (this.shaOf(target).startsWith(sha)) t.revertedAfter = (at - t.at) / DAY_MS;
      }
  }

  /** Lines still tracked at `asOf` are censored there. */
  finish(asOf: number): void {
    for (const [idx, files] of this.alive) {
      const o = this.commits[idx] as CommitOutcome;
      for (const [path, lines] of files)
        if (lines > 0) this.record(o.repo, path, Math.max(0, (asOf - o.at) / DAY_MS), false, lines, idx, o.cohort);
    }
    this.alive.clear();
  }

  private readonly shas: string[] = [];

  private key(repo: number, sha: string): string {
    return `${repo}:${sha}`;
  }

  private shaOf(idx: number): string {
    return this.shas[idx] as string;
  }

  private change(idx: number, path: string, lines: number): void {
    let files = this.alive.get(idx);
    if (!files) {
      files = new Map();
      this.alive.set(idx, files);
    }
    const left = (files.get(path) ?? 0) + lines;
    if (left > 0) files.set(path, left);
    else files.delete(path);
    if (files.size === 0) this.alive.delete(idx);
  }

  private transfer(idx: number, from: string, to: string, lines: number): void {
    const have = this.alive.get(idx)?.get(from) ?? 0;
    const moved = Math.min(have, lines);
    if (moved <= 0) return;
    this.change(idx, from, -moved);
    this.change(idx, to, moved);
  }

  private record(repo: number, path: string, age: number, event: boolean, lines: number, origin: number, cohort: Cohort): void {
    const k = `${repo}\u0000${path}`;
    let stratum = this.strataIds.get(k);
    if (stratum === undefined) {
      stratum = this.strata.length;
      this.strata.push({ repo, path });
      this.strataIds.set(k, stratum);
    }
    const group = COHORTS.indexOf(cohort);
    this.table.add(Math.max(0, age), event, lines, stratum, origin, [cohort === 'agent' ? 1 : 0, cohort === 'assisted' ? 1 : 0], group);
  }
}
