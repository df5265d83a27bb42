import type { FileResult } from '@trustgate/core/base';

/** Formats that describe a model but do not make a directory a model on their own. */
const AUXILIARY_FORMATS = new Set([
  'unknown',
  'empty',
  'text',
  'json',
  'model-references',
  'tokenizer-config',
  'chat-template',
  'keras-metadata',
  'keras-config',
  'model-manifest',
  'coreml-package',
]);

export interface ModelGroup {
  /** Directory (or single file) that holds the model, as found under the scanned PATH. */
  root: string;
  files: FileResult[];
}

/** The file on disk a result belongs to: members of containers (`a.keras!/config.json`) belong to their archive. */
export function diskPath(result: FileResult): string {
  const i = result.path.indexOf('!/');
  return i === -1 ? result.path : result.path.slice(0, i);
}

function directoryOf(file: string): string {
  const i = file.lastIndexOf('/');
  return i === -1 ? '.' : file.slice(0, i);
}

/**
 * One model per directory holding at least one model file: a Hugging Face snapshot, a SavedModel, a folder of
 * shards. Container members are folded into their archive, which is the file the BOM lists.
 */
export function groupModels(files: readonly FileResult[]): ModelGroup[] {
  const byDir = new Map<string, Map<string, FileResult[]>>();
  for (const f of files) {
    const disk = diskPath(f);
    const dir = directoryOf(disk);
    const entries = byDir.get(dir) ?? new Map<string, FileResult[]>();
    entries.set(disk, [...(entries.get(disk) ?? []), f]);
    byDir.set(dir, entries);
  }
  const groups: ModelGroup[] = [];
  for (const [dir, entries] of [...byDir].sort(([a], [b]) => a.localeCompare(b))) {
    const all = [...entries.values()].flat();
    if (!all.some((f) => !AUXILIARY_FORMATS.has(f.format))) continue;
    groups.push({ root: dir, files: all });
  }
  return groups;
}
