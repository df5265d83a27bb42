import { PREDICATE_TYPES } from '../intoto/statement.js';
import { ATTEST_ACTION } from './promotion-gate.js';
import { attestInput, errorCodeOutput, expression, policyInput } from './shared.js';
import type { GateDescription } from './types.js';

export const modelScanGate: GateDescription = {
  gate: 'model-scan',
  title: 'trustgate model scan',
  summary: 'Scan model files (pickle, PyTorch, joblib, NumPy, archives, Keras, ONNX, GGUF, safetensors) for code that runs on load.',
  icon: 'shield',
  command: 'scan',
  inputs: [
    {
      name: 'path',
      description: 'Files or directories to scan, one per line, relative to the workspace.',
      required: true,
      kind: 'list',
      flag: false,
    },
    policyInput,
    {
      name: 'fail-on',
      description:
        "Verdicts that fail the step, comma-separated. Default: the policy's scan.failOn (unsafe,review,error when there is no policy).",
      kind: 'list',
      overrides: 'scan.failOn',
      flag: '--fail-on',
    },
    {
      name: 'exclude',
      description: 'Globs of files and directories not to scan, one per line (matched relative to the workspace; `**/` for any depth).',
      kind: 'list',
      flag: '--exclude',
    },
    {
      name: 'include',
      description: 'Globs of the only files to scan, one per line (default: every file).',
      kind: 'list',
      flag: '--include',
    },
    {
      name: 'include-vcs',
      description: 'Also walk version-control metadata (.git, .hg, .svn, ...). Its object stores are not models; default false.',
      kind: 'boolean',
      default: 'false',
      flag: '--include-vcs',
    },
    {
      name: 'sarif',
      description: 'Where to write SARIF 2.1.0 for github/codeql-action/upload-sarif (paths relative to the workspace). Empty for none.',
      default: 'trustgate-model-scan.sarif',
      flag: false,
    },
    { name: 'mlbom', description: 'Where to write a CycloneDX 1.6 ML-BOM. Empty for none.', flag: '--mlbom' },
    {
      name: 'sources',
      description:
        'Also report model references in code and configs (from_pretrained, hf_hub_download, huggingface.co URLs, hf://) outside scan.sources.allow.',
      kind: 'boolean',
      default: 'false',
      flag: '--sources',
    },
    {
      name: 'scan-statement',
      description:
        'Where to write the in-toto scan Statement (evidence for the promotion gate; sign it with actions/attest). Empty for none.',
      flag: '--statement',
    },
    attestInput,
  ],
  outputs: [
    { name: 'verdict', description: 'safe, review, unsafe or error (the worst over all files; unsafe outranks error).' },
    {
      name: 'finding-verdict',
      description: 'safe, review or unsafe, what the findings say whatever could not be read (the worst over all files).',
    },
    { name: 'completeness', description: 'complete, partial or failed, how much was analysed (the least complete file).' },
    { name: 'unsafe-count', description: 'Number of files whose verdict is unsafe.' },
    { name: 'incomplete-count', description: 'Number of files that were not fully analysed (never a pass under fail-on error).' },
    { name: 'scan-report', description: 'Path of the JSON report (every file, every finding).' },
    {
      name: 'scan-predicate',
      description: 'Path of the scan predicate alone (input of actions/attest), when scan-statement or attest is set.',
    },
    { name: 'scan-subjects', description: "Path of the scanned files' sha256 checksums (subject-checksums of actions/attest), likewise." },
    errorCodeOutput,
  ],
  after: [
    {
      if: "inputs.attest == 'true' && steps.gate.outputs.scan-predicate != ''",
      uses: ATTEST_ACTION,
      with: {
        'subject-checksums': expression('steps.gate.outputs.scan-subjects'),
        'predicate-type': PREDICATE_TYPES.scan,
        'predicate-path': expression('steps.gate.outputs.scan-predicate'),
      },
    },
  ],
};
