import type { Finding, FindingVerdict, Location, RuleDescriptor, Severity } from '@trustgate/core/base';
import { BREADTH_RULES } from './rules-breadth.js';

/**
 * What a finding of a rule does to its file: a finding verdict, or a gap in the analysis (`partial`: part of
 * the file was not analysed; `failed`: none of it was). Gaps make the file `error` unless something is `unsafe`.
 */
export type RuleEffect = FindingVerdict | 'partial' | 'failed';

/** A scanner rule: the descriptor SARIF prints, plus what a finding of it does to the file's verdict. */
export interface ScannerRule extends RuleDescriptor {
  verdict: RuleEffect;
}

function rule(
  id: string,
  name: string,
  severity: ScannerRule['severity'],
  verdict: RuleEffect,
  summary: string,
  help: string,
): ScannerRule {
  return { id, name, severity, verdict, summary, help };
}

/** Stable ids: never renumber, only add. Documented in docs/scanner.md. */
export const RULES = {
  dangerousGlobal: rule(
    'TG-PKL-001',
    'DangerousPickleGlobal',
    'critical',
    'unsafe',
    'A pickle imports a callable that can run code, touch files or the network when the file is loaded.',
    'Do not load this file. Re-export the weights as safetensors, or load with torch.load(weights_only=True) after verifying the source.',
  ),
  unknownGlobal: rule(
    'TG-PKL-002',
    'UnreviewedPickleGlobal',
    'medium',
    'review',
    'A pickle imports a global that is on neither the safe list nor the deny list.',
    'Check that the named class is expected (e.g. your own model class); add it to scan.allowGlobals in the policy if it is.',
  ),
  dynamicGlobal: rule(
    'TG-PKL-003',
    'DynamicPickleGlobal',
    'critical',
    'unsafe',
    'A pickle resolves a global from a computed, non-string or unknown operand, so what it imports cannot be known.',
    'Treat the file as malicious: no legitimate serializer emits computed global names.',
  ),
  parseError: rule(
    'TG-PKL-004',
    'PickleParseError',
    'high',
    'partial',
    'The pickle stream is malformed (truncated, invalid opcode, stack or memo misuse, frame straddled) and was not fully analysed.',
    'Do not load the file; a malformed stream is how scanners are bypassed. Re-export it from its source.',
  ),
  limit: rule(
    'TG-LIM-001',
    'ScanLimitExceeded',
    'high',
    'partial',
    'A scan limit (opcodes, nesting depth, members, decompressed size or ratio, memo size) was hit; the rest was not analysed.',
    'Raise the limit under scan.limits in the policy if the file is expected to be this large, then rescan.',
  ),
  computedCall: rule(
    'TG-PKL-006',
    'ComputedPickleCall',
    'medium',
    'review',
    'A pickle calls something that is not a plain imported global (the result of another call or an unknown value).',
    'Check which object is being called; legitimate checkpoints only call allow-listed rebuild functions.',
  ),
  attributeOverwrite: rule(
    'TG-PKL-007',
    'PickleAttributeOverwrite',
    'critical',
    'unsafe',
    'A pickle BUILD sets attributes or state on an imported module, class or function rather than on a new object.',
    'Treat the file as malicious: this rewires code at load time.',
  ),
  trailingData: rule(
    'TG-PKL-008',
    'UnanalysedTrailingData',
    'medium',
    'review',
    'Bytes follow the last pickle that are not a pickle; another loader could read them.',
    'Check how the file is produced; re-export it without appended data.',
  ),
  extension: rule(
    'TG-PKL-009',
    'PickleExtensionCode',
    'high',
    'unsafe',
    'A pickle uses the copyreg extension registry (EXT1/EXT2/EXT4), whose target cannot be known statically.',
    'Treat the file as malicious unless you control the extension registry of the loading process.',
  ),
  polyglot: rule(
    'TG-PKL-010',
    'PicklePolyglot',
    'high',
    'review',
    'The file is both a pickle and a zip archive; different loaders see different contents.',
    'Do not load it; re-export the model from its source.',
  ),
  nestedPayload: rule(
    'TG-PKL-011',
    'NestedPayload',
    'critical',
    'unsafe',
    'A pickle hands bytes to a loader (torch.storage._load_from_bytes, pickle.loads, torch.load, ...) that could not be read statically, or whose content is unsafe.',
    'Treat the file as malicious: the nested payload runs when the outer file is loaded.',
  ),
  nestedSeen: rule(
    'TG-PKL-012',
    'NestedPickle',
    'info',
    'safe',
    'A pickle carries a nested file handed to a loader; it was analysed as the file it is, and its findings are reported at its offset.',
    'Nothing to do when the nested file is safe.',
  ),
  objectArray: rule(
    'TG-NPY-001',
    'NumpyObjectArray',
    'low',
    'safe',
    'A NumPy array has object dtype: loading it runs the pickle that follows the header (allow_pickle=True).',
    'Prefer plain dtypes; the embedded pickle is analysed separately.',
  ),
  numpyParse: rule(
    'TG-NPY-002',
    'NumpyParseError',
    'high',
    'partial',
    'A NumPy .npy header is malformed or the data is truncated.',
    'Re-export the array with numpy.save.',
  ),
  zipParse: rule(
    'TG-ZIP-001',
    'ZipParseError',
    'high',
    'partial',
    'The zip archive could not be read through its central directory, or a member could not be extracted.',
    'Re-create the archive; a malformed archive may be read differently by different loaders.',
  ),
  memberName: rule(
    'TG-ZIP-002',
    'SuspiciousMemberName',
    'high',
    'review',
    'An archive member name is absolute, contains "..", backslashes or control characters (path traversal on extraction).',
    'Do not extract the archive; re-create it with relative member names.',
  ),
  headerMismatch: rule(
    'TG-ZIP-003',
    'ZipHeaderMismatch',
    'medium',
    'review',
    'A zip local header disagrees with the central directory (name, flags); loaders that trust one or the other see different files.',
    'Re-create the archive with a standard zip writer.',
  ),
  crcMismatch: rule(
    'TG-ZIP-004',
    'ZipCrcMismatch',
    'medium',
    'review',
    'A zip member does not match its CRC-32; torch ignores this, so the member was analysed as stored.',
    'Re-create the archive; a corrupted or tampered member should not be loaded.',
  ),
  overlappingMembers: rule(
    'TG-ZIP-007',
    'OverlappingMembers',
    'high',
    'review',
    'Central-directory entries point into the data of another member (overlapping members, the non-recursive zip bomb); no zip writer produces this.',
    'Do not extract the archive; re-create it with a standard zip writer.',
  ),
  encrypted: rule(
    'TG-ZIP-005',
    'EncryptedMember',
    'high',
    'partial',
    'An archive member is encrypted or uses an unsupported compression method, so its content could not be analysed.',
    'Provide the archive unencrypted (stored or deflate) so it can be scanned.',
  ),
  duplicateMember: rule(
    'TG-ZIP-006',
    'DuplicateMember',
    'high',
    'review',
    'Two archive members have the same name; loaders disagree about which one they read.',
    'Re-create the archive with unique member names.',
  ),
  archiveParse: rule(
    'TG-ARC-001',
    'ArchiveParseError',
    'high',
    'partial',
    'A tar archive or compressed stream is malformed or truncated.',
    'Re-create the archive or stream with a standard tool.',
  ),
  unsupportedArchive: rule(
    'TG-ARC-002',
    'UnsupportedArchive',
    'high',
    'failed',
    'The file is an archive or compressed stream this scanner cannot open (e.g. RAR), so its content was not analysed.',
    'Unpack it and scan the unpacked files, or repackage it as zip, tar or gzip.',
  ),
  torchScript: rule(
    'TG-PT-001',
    'TorchScriptCode',
    'medium',
    'review',
    'A TorchScript archive carries code that runs in the TorchScript interpreter when the model is used.',
    'Review the code/ members of the archive, or export the weights alone as safetensors.',
  ),
  readError: rule(
    'TG-FMT-003',
    'UnreadableFile',
    'high',
    'failed',
    'The file could not be read (permissions, I/O error, vanished during the scan).',
    'Check the file exists and is readable by the scanning user, then rescan.',
  ),
  unknownBinary: rule(
    'TG-FMT-001',
    'UnrecognisedBinary',
    'high',
    'failed',
    'The file content matches no known format; it was not analysed, so it is not trusted.',
    'Check what the file is; if a loader in your pipeline reads it, convert it to a known safe format.',
  ),
  lfsPointer: rule(
    'TG-FMT-004',
    'GitLfsPointer',
    'high',
    'failed',
    'The file is a Git LFS pointer, not the model it names: the checkout did not fetch LFS objects, so nothing was analysed.',
    'Fetch LFS objects: use `lfs: true` with actions/checkout (or `git lfs pull`), then scan again.',
  ),
  textAsModel: rule(
    'TG-FMT-005',
    'TextUnderModelName',
    'high',
    'failed',
    'The file has a model file name (.pt, .bin, .pkl, ...) but holds plain text, so no model in it was analysed.',
    'Check how the file was produced or downloaded; replace it with the real model file.',
  ),
  plainText: rule('TG-FMT-002', 'PlainText', 'info', 'safe', 'The file is empty or plain UTF-8 text (not a pickle).', 'Nothing to do.'),
} as const satisfies Record<string, ScannerRule>;

export type RuleKey = keyof typeof RULES;

/** The scanner's rule list, for SARIF (`ruleCatalog(SCANNER_RULES, ...)`). */
export const SCANNER_RULES: readonly ScannerRule[] = [...Object.values(RULES), ...Object.values(BREADTH_RULES)];

export { BREADTH_RULES };

const BY_ID = new Map<string, ScannerRule>(SCANNER_RULES.map((r) => [r.id, r]));

// Rules of the format analysers (descriptors without an effect) are judged by severity, as they judge themselves.
const BY_SEVERITY: Record<Severity, FindingVerdict> = { critical: 'unsafe', high: 'unsafe', medium: 'review', low: 'safe', info: 'safe' };

/** What a finding does to its file's verdict. */
export function findingEffect(f: Finding): RuleEffect {
  return BY_ID.get(f.rule)?.verdict ?? BY_SEVERITY[f.severity];
}

export function finding(r: ScannerRule, message: string, location?: Location, evidence?: string): Finding {
  const f: Finding = { rule: r.id, severity: r.severity, message };
  if (location) f.location = location;
  if (evidence !== undefined) f.evidence = evidence;
  return f;
}
