import type { CommandSpec } from '../spec.js';
import { quietOption } from './shared.js';

export const scanSpec = {
  name: 'scan',
  summary: 'scan model files for unsafe code (pickle, archives, model formats)',
  description:
    'Scans every file under each PATH by content (pickle, PyTorch, joblib, NumPy, zip/tar/gzip archives, ...). ' +
    'A Hub repository (hf://owner/model[@revision] or https://huggingface.co/owner/model[/tree/revision]) is scanned before ' +
    'download: files listed through the Hub API (HF_ENDPOINT, HF_TOKEN), only the bytes the analysis needs fetched by range.',
  positionals: [
    {
      name: 'PATH',
      description: 'a model file, a directory (walked), or one hf://owner/model[@revision] repository',
      required: true,
      variadic: true,
      kind: 'path',
    },
  ],
  options: {
    policy: {
      type: 'string',
      value: 'F',
      kind: 'file',
      description: '.github/trustgate.yml-style policy (scan: failOn, allowGlobals, denyGlobals, limits)',
    },
    format: {
      type: 'string',
      value: 'F',
      choices: ['text', 'json', 'sarif', 'markdown'],
      default: 'text',
      description: 'report format on stdout or in --out',
    },
    out: { type: 'string', value: 'F', kind: 'output', description: 'write the report to F (atomically) instead of stdout' },
    statement: {
      type: 'string',
      value: 'F',
      kind: 'output',
      description: "write an in-toto scan Statement (subjects: each file's sha256) to F",
    },
    mlbom: {
      type: 'string',
      value: 'F',
      kind: 'output',
      description: 'write a CycloneDX 1.6 ML-BOM (one machine-learning-model component per model) to F',
    },
    sources: {
      type: 'boolean',
      description: 'also report model references in code and configs (from_pretrained, hf_hub_download, URLs, hf://) outside scan.sources',
    },
    // The model-scan action's inputs of the same names (packages/core/src/gates/model-scan.ts).
    'fail-on': { type: 'string', value: 'V,..', description: "verdicts that block, comma-separated (default: the policy's scan.failOn)" },
    exclude: {
      type: 'string',
      value: 'GLOB',
      multiple: true,
      description: 'skip files and directories matching the glob (relative to the current directory; repeatable)',
    },
    include: { type: 'string', value: 'GLOB', multiple: true, description: 'scan only files matching the glob (repeatable)' },
    'include-vcs': { type: 'boolean', description: 'also walk .git, .hg, .svn and other version-control metadata (skipped by default)' },
    quiet: quietOption('text format: print only files with findings and the summary line'),
  },
  exitCodes:
    "Exit codes: 0 nothing blocks, 1 a file's verdict is in the policy's failOn (default unsafe, error), 2 usage/config/I/O error.",
} as const satisfies CommandSpec;
