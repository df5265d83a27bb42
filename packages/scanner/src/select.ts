/** Which files a directory walk scans. Globs match the path relative to the scan's working directory. */
export interface FileSelection {
  /** Only files matching one of these are scanned (default: every file). */
  include?: readonly string[];
  /** Files and directories matching one of these are skipped; a matching directory is not entered. */
  exclude?: readonly string[];
  /** Walk into version-control metadata (.git, .hg, .svn, ...). Default false: their object stores are not models. */
  vcs?: boolean;
}

// Git's loose objects are zlib streams and packs hold anything ever committed: sniffed as models, they bury the
// checkout's real verdicts under errors, and the working tree already holds what HEAD has.
export const VCS_DIRECTORIES: readonly string[] = ['.git', '.hg', '.svn', '.bzr', '_darcs', 'CVS', '.jj', '.pijul', '.fossil'];

/**
 * A predicate for the walk: keep this path (relative, `/`-separated) or skip it. The glob matcher is loaded only
 * when there are globs: a scan of named files never needs it.
 */
export async function fileSelector(select: FileSelection): Promise<(path: string, isDirectory: boolean) => boolean> {
  const opts = { dot: true };
  const globs = select.include?.length || select.exclude?.length ? (await import('picomatch')).default : undefined;
  const include = globs && select.include?.length ? globs([...select.include], opts) : undefined;
  const exclude = globs && select.exclude?.length ? globs([...select.exclude], opts) : undefined;
  const vcs = select.vcs === true ? undefined : new Set(VCS_DIRECTORIES);
  return (path, isDirectory) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    // A `.git` file marks a worktree or submodule; it is metadata too.
    if (vcs?.has(name)) return false;
    if (exclude && (exclude(path) || (isDirectory && exclude(`${path}/`)))) return false;
    if (isDirectory || !include) return true;
    return include(path);
  };
}
