import type { RuleDescriptor } from '@trustgate/core/base';

/**
 * Public CVEs and advisories on model loading, each linked to the rule that catches it and the case that proves
 * it (run by test/advisories.test.ts). The one source of docs/scanner-advisories.md and of the SARIF rule
 * metadata (`properties.advisories`). Only add entries whose case is run and blocks.
 */
export interface Advisory {
  id: string;
  product: string;
  summary: string;
  url: string;
  /** Rules that fire on the proof case (every one must). */
  rules: readonly string[];
  /** The case: a fixture under packages/scanner/test/fixtures (scanned as `name`), or a pickle calling module.name. */
  proof: { fixture: string; name?: string } | { attack: string } | { pickle: readonly [string, string] };
}

const nvd = (id: string) => `https://nvd.nist.gov/vuln/detail/${id}`;
const ghsa = (repo: string, id: string) => `https://github.com/${repo}/security/advisories/${id}`;
const F = (fixture: string, name?: string) => (name ? { fixture, name } : { fixture });
const B = (rel: string) => F(`formats/breadth/${rel}`);

// biome-ignore format: one advisory per entry reads as the table it is
export const ADVISORIES: readonly Advisory[] = [
  { id: 'CVE-2025-32434', product: 'PyTorch', summary: 'torch.load(weights_only=True) still runs code from a crafted checkpoint (< 2.6.0).', url: ghsa('pytorch/pytorch', 'GHSA-53q9-r3pm-6pq6'), rules: ['TG-PKL-001'], proof: F('malicious/state_dict_evil.pt') },
  { id: 'CVE-2022-45907', product: 'PyTorch', summary: 'torch.jit.annotations.parse_type_line evaluates its argument (< 1.13.1).', url: nvd('CVE-2022-45907'), rules: ['TG-PKL-001'], proof: { attack: 'torch.jit.annotations.parse_type_line' } },
  { id: 'CVE-2024-31580', product: 'PyTorch', summary: 'Heap overflow in the TorchScript mobile interpreter when loading a crafted model (< 2.2.0).', url: nvd('CVE-2024-31580'), rules: ['TG-PT-001'], proof: F('review/torchscript.pt') },
  { id: 'CVE-2024-31583', product: 'PyTorch', summary: 'Use-after-free in the TorchScript mobile interpreter when loading a crafted model (< 2.2.0).', url: nvd('CVE-2024-31583'), rules: ['TG-PT-001'], proof: F('review/torchscript.pt') },
  { id: 'CVE-2025-24357', product: 'vLLM', summary: 'hf_model_weights_iterator loads .bin checkpoints with torch.load(weights_only=False) (< 0.7.0).', url: nvd('CVE-2025-24357'), rules: ['TG-PKL-001'], proof: F('malicious/state_dict_evil_legacy.pt', 'pytorch_model.bin') },
  { id: 'CVE-2024-3660', product: 'TensorFlow Keras', summary: 'A Lambda layer in a saved model runs arbitrary code on load (< 2.13).', url: nvd('CVE-2024-3660'), rules: ['TG-KRS-001'], proof: F('formats/keras/lambda.keras') },
  { id: 'CVE-2025-1550', product: 'Keras', summary: 'config.json names arbitrary modules and functions that load_model calls even with safe_mode=True (< 3.9.0).', url: nvd('CVE-2025-1550'), rules: ['TG-KRS-002'], proof: F('formats/keras/bypass.keras') },
  { id: 'CVE-2025-8747', product: 'Keras', summary: 'safe_mode bypass through keras.utils.get_file in config.json (3.0.0-3.10.0).', url: nvd('CVE-2025-8747'), rules: ['TG-KRS-003'], proof: F('formats/keras/bypass.keras') },
  { id: 'CVE-2025-9906', product: 'Keras', summary: 'config.json calls keras.config.enable_unsafe_deserialization, then a Lambda runs (< 3.11.0).', url: nvd('CVE-2025-9906'), rules: ['TG-KRS-003'], proof: F('formats/keras/bypass.keras') },
  { id: 'CVE-2025-9905', product: 'Keras', summary: 'safe_mode is ignored for legacy HDF5 models, so their Lambda layers run (< 3.11.3).', url: nvd('CVE-2025-9905'), rules: ['TG-KRS-001'], proof: F('formats/keras/lambda.h5') },
  { id: 'CVE-2025-49655', product: 'Keras', summary: 'A TorchModuleWrapper layer unpickles its module despite safe_mode (3.11.0-3.11.2).', url: nvd('CVE-2025-49655'), rules: ['TG-KRS-003'], proof: F('formats/keras/bypass.keras') },
  { id: 'CVE-2024-55459', product: 'Keras', summary: 'keras.utils.get_file writes arbitrary files from a crafted archive (3.7.0).', url: nvd('CVE-2024-55459'), rules: ['TG-KRS-003'], proof: F('formats/keras/bypass.keras') },
  { id: 'CVE-2025-12060', product: 'Keras', summary: 'keras.utils.get_file extracts archives without path checks (< 3.12.0).', url: nvd('CVE-2025-12060'), rules: ['TG-KRS-003'], proof: F('formats/keras/bypass.keras') },
  { id: 'CVE-2026-12481', product: 'Keras', summary: 'Lambda.from_config deserializes marshal bytecode when safe_mode is unset (3.14.0).', url: nvd('CVE-2026-12481'), rules: ['TG-KRS-001'], proof: F('formats/keras/lambda.keras') },
  { id: 'CVE-2024-37057', product: 'MLflow', summary: 'A TensorFlow Keras model logged to MLflow runs code through a Lambda layer when loaded (>= 2.0.0rc0).', url: nvd('CVE-2024-37057'), rules: ['TG-KRS-001'], proof: F('formats/keras/lambda.h5') },
  { id: 'CVE-2024-37052', product: 'MLflow', summary: 'A scikit-learn model saved with cloudpickle runs code when loaded (>= 1.1.0).', url: nvd('CVE-2024-37052'), rules: ['TG-PKL-001'], proof: F('malicious/cloudpickle_lambda.pkl', 'model.pkl') },
  { id: 'CVE-2024-37053', product: 'MLflow', summary: 'A pickled scikit-learn model runs code when loaded (>= 1.1.0).', url: nvd('CVE-2024-37053'), rules: ['TG-PKL-001'], proof: F('malicious/evil.joblib', 'model.pkl') },
  { id: 'CVE-2024-37054', product: 'MLflow', summary: 'A PyFunc model saved with cloudpickle runs code when loaded (>= 0.9.0).', url: nvd('CVE-2024-37054'), rules: ['TG-PKL-001'], proof: F('malicious/cloudpickle_lambda.pkl', 'python_model.pkl') },
  { id: 'CVE-2024-37055', product: 'MLflow', summary: 'A pickled pmdarima model runs code when loaded (>= 1.24.0).', url: nvd('CVE-2024-37055'), rules: ['TG-PKL-001'], proof: F('malicious/os_system_p4.pkl', 'model.pmdarima') },
  { id: 'CVE-2024-37056', product: 'MLflow', summary: 'A pickled LightGBM scikit-learn model runs code when loaded (>= 1.23.0).', url: nvd('CVE-2024-37056'), rules: ['TG-PKL-001'], proof: F('malicious/evil.joblib', 'model.lgb') },
  { id: 'CVE-2024-37059', product: 'MLflow', summary: 'A PyTorch model logged to MLflow runs code through its pickle when loaded (>= 0.5.0).', url: nvd('CVE-2024-37059'), rules: ['TG-PKL-001'], proof: F('malicious/state_dict_evil.pt', 'model.pth') },
  { id: 'CVE-2022-25882', product: 'ONNX', summary: 'External-data locations escape the model directory (arbitrary file read, < 1.13.0).', url: nvd('CVE-2022-25882'), rules: ['TG-ONNX-002'], proof: F('formats/onnx/traversal.onnx') },
  { id: 'CVE-2024-27318', product: 'ONNX', summary: 'Nested external-data paths bypass the CVE-2022-25882 fix (< 1.16.0).', url: nvd('CVE-2024-27318'), rules: ['TG-ONNX-002'], proof: F('formats/onnx/nested-external.onnx') },
  { id: 'CVE-2024-5187', product: 'ONNX', summary: 'download_model_with_test_data extracts tar members outside the target directory (< 1.17.0).', url: nvd('CVE-2024-5187'), rules: ['TG-ZIP-002'], proof: B('advisories/traversal.tar') },
  { id: 'CVE-2024-34359', product: 'llama-cpp-python', summary: 'A GGUF chat template is rendered by an unsandboxed Jinja environment (SSTI to code execution, < 0.2.72).', url: ghsa('abetlen/llama-cpp-python', 'GHSA-56xg-wfcc-g829'), rules: ['TG-TPL-002'], proof: F('formats/gguf/ssti.gguf') },
  { id: 'CVE-2024-23605', product: 'llama.cpp', summary: 'GGUF header.n_kv drives a heap overflow (Talos, commit 18c2e17).', url: nvd('CVE-2024-23605'), rules: ['TG-GGUF-002'], proof: B('advisories/gguf-huge-nkv.gguf') },
  { id: 'CVE-2024-21802', product: 'llama.cpp', summary: 'GGUF tensor info->ne overflows the tensor size computation (Talos, commit 18c2e17).', url: nvd('CVE-2024-21802'), rules: ['TG-GGUF-003'], proof: B('advisories/gguf-huge-ne.gguf') },
  { id: 'CVE-2025-53630', product: 'llama.cpp', summary: 'Integer overflow in gguf_init_from_file_impl tensor size accumulation.', url: nvd('CVE-2025-53630'), rules: ['TG-GGUF-003'], proof: B('advisories/gguf-huge-ne.gguf') },
  { id: 'CVE-2025-23304', product: 'NVIDIA NeMo', summary: 'A .nemo config with a crafted Hydra _target_ runs code when the model is restored (< 2.3.2).', url: nvd('CVE-2025-23304'), rules: ['TG-NEMO-002'], proof: B('nemo/hydra-target.nemo') },
  { id: 'CVE-2025-23249', product: 'NVIDIA NeMo', summary: 'Restoring a .nemo archive unpickles its checkpoint (deserialization of untrusted data).', url: nvd('CVE-2025-23249'), rules: ['TG-PKL-001'], proof: B('nemo/pickled-weights.nemo') },
  { id: 'CVE-2025-54412', product: 'skops', summary: 'OperatorFuncNode hides the operator.* call it makes from the trusted-type check (<= 0.11.0).', url: ghsa('skops-dev/skops', 'GHSA-m7f4-hrc6-fwg3'), rules: ['TG-SKOPS-002'], proof: B('skops/operator-func.skops') },
  { id: 'CVE-2025-54413', product: 'skops', summary: 'MethodNode reaches fields and methods the trusted types do not allow (<= 0.11.0).', url: nvd('CVE-2025-54413'), rules: ['TG-SKOPS-002'], proof: B('advisories/method-node.skops') },
  { id: 'CVE-2025-54886', product: 'skops', summary: 'Card.get_model falls back to joblib (pickle) for non-skops files (< 0.13.0).', url: nvd('CVE-2025-54886'), rules: ['TG-PKL-001'], proof: F('malicious/evil.joblib') },
  { id: 'CVE-2024-3568', product: 'Transformers', summary: 'TFPreTrainedModel.load_repo_checkpoint unpickles the checkpoint (< 4.38).', url: nvd('CVE-2024-3568'), rules: ['TG-PKL-001'], proof: F('malicious/os_system_p4.pkl', 'checkpoint/extra_data.pickle') },
  { id: 'CVE-2023-6730', product: 'Transformers', summary: 'RagRetriever loads a pickled index from the hub (< 4.36).', url: nvd('CVE-2023-6730'), rules: ['TG-PKL-001'], proof: F('malicious/os_system_p2.pkl', 'hf_dataset_index.pkl') },
  { id: 'CVE-2023-7018', product: 'Transformers', summary: 'TransfoXLTokenizer unpickles its vocabulary file (< 4.36).', url: nvd('CVE-2023-7018'), rules: ['TG-PKL-001'], proof: F('malicious/os_system_p3.pkl', 'vocab.pkl') },
  { id: 'CVE-2019-6446', product: 'NumPy', summary: 'numpy.load unpickled object arrays by default (allow_pickle=True, < 1.16.3).', url: nvd('CVE-2019-6446'), rules: ['TG-NPY-001', 'TG-PKL-001'], proof: F('malicious/evil_object_array.npy') },
  { id: 'CVE-2024-34997', product: 'joblib', summary: 'NumpyArrayWrapper.read_array unpickles object arrays in a joblib file (disputed: joblib files are pickles).', url: nvd('CVE-2024-34997'), rules: ['TG-PKL-001'], proof: F('malicious/evil_object_array.joblib') },
  { id: 'CVE-2024-27322', product: 'R', summary: 'readRDS/load return a promise whose expression runs when the object is used (< 4.4.0).', url: nvd('CVE-2024-27322'), rules: ['TG-R-002'], proof: B('r/promise.rds') },
  { id: 'CVE-2025-1716', product: 'picklescan', summary: 'pip.main was not an unsafe global: a pickle installs a package (< 0.0.21).', url: nvd('CVE-2025-1716'), rules: ['TG-PKL-001'], proof: { attack: 'pip.main' } },
  { id: 'CVE-2025-1889', product: 'picklescan', summary: 'Pickles under non-standard extensions were not scanned (< 0.0.22).', url: nvd('CVE-2025-1889'), rules: ['TG-PKL-001'], proof: F('malicious/os_system_p2.pkl', 'weights.data') },
  { id: 'CVE-2025-1944', product: 'picklescan', summary: 'A zip local header naming another member hid the pickle torch loads (< 0.0.23).', url: nvd('CVE-2025-1944'), rules: ['TG-ZIP-003'], proof: F('bypass/zip_local_name_mismatch.zip') },
  { id: 'CVE-2025-1945', product: 'picklescan', summary: 'Flipped zip flag bits hid a pickle that torch.load still reads (< 0.0.23).', url: nvd('CVE-2025-1945'), rules: ['TG-PKL-001'], proof: { attack: 'torch zip with the encryption flag on data.pkl' } },
  { id: 'CVE-2025-10155', product: 'picklescan', summary: 'Protocol 0/1 pickles under .bin and other extensions bypassed the scan (<= 0.0.30).', url: nvd('CVE-2025-10155'), rules: ['TG-PKL-001'], proof: F('malicious/os_system_p0.pkl', 'pytorch_model.bin') },
  { id: 'CVE-2025-10156', product: 'picklescan', summary: 'A zip member with a bad CRC stopped the scan while torch still loads it (<= 0.0.30).', url: nvd('CVE-2025-10156'), rules: ['TG-ZIP-004'], proof: F('bypass/zip_bad_crc.zip') },
  { id: 'CVE-2025-10157', product: 'picklescan', summary: 'Submodules of unsafe modules (asyncio.unix_events, ...) passed the blocklist (<= 0.0.30).', url: nvd('CVE-2025-10157'), rules: ['TG-PKL-001'], proof: { attack: 'asyncio subprocess' } },
  { id: 'CVE-2025-46417', product: 'picklescan', summary: 'ssl.get_server_certificate exfiltrates data over DNS from an unflagged pickle (< 0.0.25).', url: nvd('CVE-2025-46417'), rules: ['TG-PKL-001'], proof: { pickle: ['ssl', 'get_server_certificate'] } },
  { id: 'CVE-2025-71351', product: 'picklescan', summary: 'timeit.timeit in __reduce__ was not flagged (< 0.0.25).', url: nvd('CVE-2025-71351'), rules: ['TG-PKL-001'], proof: { pickle: ['timeit', 'timeit'] } },
  { id: 'CVE-2025-71344', product: 'picklescan', summary: 'ensurepip._run_pip in __reduce__ was not flagged (< 0.0.30).', url: nvd('CVE-2025-71344'), rules: ['TG-PKL-001'], proof: { pickle: ['ensurepip', '_run_pip'] } },
  { id: 'CVE-2025-71352', product: 'picklescan', summary: 'trace.Trace.runctx in __reduce__ was not flagged (< 0.0.29).', url: nvd('CVE-2025-71352'), rules: ['TG-PKL-001'], proof: { pickle: ['trace', 'Trace.runctx'] } },
  { id: 'CVE-2025-71354', product: 'picklescan', summary: 'idlelib.debugobj.ObjectTreeItem.SetText in __reduce__ was not flagged (< 0.0.29).', url: nvd('CVE-2025-71354'), rules: ['TG-PKL-001'], proof: { pickle: ['idlelib.debugobj', 'ObjectTreeItem.SetText'] } },
  { id: 'CVE-2025-71356', product: 'picklescan', summary: 'torch.fx.experimental.symbolic_shapes.ShapeEnv.evaluate_guards_expression was not flagged (< 0.0.28).', url: nvd('CVE-2025-71356'), rules: ['TG-PKL-001'], proof: { pickle: ['torch.fx.experimental.symbolic_shapes', 'ShapeEnv.evaluate_guards_expression'] } },
  { id: 'GHSA-vvpj-8cmc-gx39', product: 'picklescan', summary: 'pkgutil.resolve_name reaches every blocked function (universal bypass, < 1.0.4).', url: ghsa('mmaitre314/picklescan', 'GHSA-vvpj-8cmc-gx39'), rules: ['TG-PKL-001'], proof: { pickle: ['pkgutil', 'resolve_name'] } },
];

/** The advisories each rule catches, for SARIF rule metadata. */
export function advisoriesByRule(): ReadonlyMap<string, readonly Advisory[]> {
  const out = new Map<string, Advisory[]>();
  for (const a of ADVISORIES) for (const r of a.rules) out.set(r, [...(out.get(r) ?? []), a]);
  return out;
}

export const ADVISORY_DOC = 'https://github.com/trustgate/trustgate/blob/main/docs/scanner-advisories.md';

/** Rule descriptors with the advisories they catch and a help URI to the rule's section of the advisory map. */
export function withAdvisories<T extends RuleDescriptor>(rules: readonly T[]): T[] {
  const by = advisoriesByRule();
  return rules.map((r) => {
    const list = by.get(r.id);
    return list ? { ...r, advisories: list.map((a) => a.id), helpUri: `${ADVISORY_DOC}#${r.id.toLowerCase()}` } : r;
  });
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

function proofText(p: Advisory['proof']): string {
  if ('fixture' in p) return `\`${p.fixture}\`${p.name ? ` as \`${p.name}\`` : ''}`;
  if ('attack' in p) return `corpus attack "${p.attack}"`;
  return `pickle calling \`${p.pickle.join('.')}\``;
}

/**
 * The generated part of docs/scanner-advisories.md (a test keeps the doc equal to it): the table, then one section
 * per rule (the anchor SARIF's helpUri points at).
 */
export function advisoryTable(): string {
  const rows = ADVISORIES.map(
    (a) =>
      `| [${a.id}](${a.url}) | ${cell(a.product)} | ${cell(a.summary)} | ${a.rules.map((r) => `\`${r}\``).join(', ')} | ${proofText(a.proof)} |`,
  );
  const sections = [...advisoriesByRule()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, list]) => `### ${rule}\n\n${list.map((a) => `- [${a.id}](${a.url}): ${a.product}`).join('\n')}`);
  return [
    `${ADVISORIES.length} advisories.`,
    '',
    '| advisory | product | what a crafted file does | caught by | proof |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## By rule',
    '',
    sections.join('\n\n'),
  ].join('\n');
}
