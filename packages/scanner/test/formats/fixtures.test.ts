import { describe, expect, test } from '@jest/globals';
import { analyseBytes, fixture, rules } from '../helpers.js';

// [fixture, format, verdict, rules that must be present]; written by fixtures/make_fixtures.py with real libraries.
const CASES: [string, string, string, string[]][] = [
  ['benign/state_dict.pt', 'pytorch-zip', 'safe', []],
  ['benign/state_dict_legacy.pt', 'pytorch-legacy', 'safe', []],
  ['benign/checkpoint_with_optimizer.pt', 'pytorch-zip', 'safe', []],
  ['benign/tensor_variants.pt', 'pytorch-zip', 'safe', []],
  ['benign/tensor_variants_legacy.pt', 'pytorch-legacy', 'safe', []],
  ['benign/legacy_checkpoint.tar', 'pytorch-legacy-tar', 'safe', []],
  ['malicious/legacy_checkpoint_evil.tar', 'pytorch-legacy-tar', 'unsafe', ['TG-PKL-001']],
  ['benign/array.npy', 'numpy', 'safe', []],
  ['benign/object_array.npy', 'numpy', 'safe', ['TG-NPY-001']],
  ['benign/arrays.npz', 'numpy-npz', 'safe', []],
  ['benign/arrays_compressed.npz', 'numpy-npz', 'safe', []],
  ['benign/arrays.joblib', 'joblib', 'safe', []],
  ['benign/arrays.joblib.gz', 'gzip+joblib', 'safe', []],
  ['benign/arrays_zlib.joblib', 'zlib+joblib', 'safe', []],
  ['benign/dict_p0.pkl', 'pickle', 'safe', []],
  ['benign/dict_p1.pkl', 'pickle', 'safe', []],
  ['benign/dict_p2.pkl', 'pickle', 'safe', []],
  ['benign/dict_p3.pkl', 'pickle', 'safe', []],
  ['benign/dict_p4.pkl', 'pickle', 'safe', []],
  ['benign/dict_p5.pkl', 'pickle', 'safe', []],
  ['benign/notes.txt', 'text', 'safe', ['TG-FMT-002']],
  ['benign/empty.bin', 'empty', 'safe', ['TG-FMT-002']],
  ['review/whole_module.pt', 'pytorch-zip', 'safe', []],
  ['review/torchscript.pt', 'torchscript', 'review', ['TG-PKL-002', 'TG-PT-001']],
  ['review/sklearn_logreg.joblib', 'joblib', 'safe', []],
  ['review/sklearn_forest_pipeline.joblib', 'joblib', 'safe', []],
  ['malicious/structured_object_field.joblib', 'joblib', 'unsafe', ['TG-PKL-001']],
  ['malicious/os_system_p0.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['malicious/os_system_p1.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['malicious/os_system_p2.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['malicious/os_system_p3.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['malicious/os_system_p4.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['malicious/os_system_p5.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['malicious/state_dict_evil.pt', 'pytorch-zip', 'unsafe', ['TG-PKL-001']],
  ['malicious/state_dict_evil_legacy.pt', 'pytorch-legacy', 'unsafe', ['TG-PKL-001']],
  ['malicious/evil.joblib', 'joblib', 'unsafe', ['TG-PKL-001']],
  ['malicious/evil_object_array.joblib', 'joblib', 'unsafe', ['TG-PKL-001']],
  ['malicious/joblib_array_payload.joblib', 'joblib', 'unsafe', ['TG-PKL-001']],
  ['malicious/evil_object_array.npy', 'numpy', 'unsafe', ['TG-NPY-001', 'TG-PKL-001']],
  ['malicious/evil.npz', 'numpy-npz', 'unsafe', ['TG-PKL-001']],
  ['malicious/dill_lambda.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['malicious/cloudpickle_lambda.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['malicious/evil.pkl.gz', 'gzip+pickle', 'unsafe', ['TG-PKL-001']],
  ['malicious/evil.pkl.zlib', 'zlib+pickle', 'unsafe', ['TG-PKL-001']],
  ['malicious/evil.tar', 'tar', 'unsafe', ['TG-PKL-001']],
  ['malicious/nested.zip', 'zip', 'unsafe', ['TG-PKL-001']],
  ['bypass/memo_stack_global.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['bypass/computed_stack_global.pkl', 'pickle', 'unsafe', ['TG-PKL-003']],
  ['bypass/dotted_pathlib_os.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['bypass/escaped_string_global.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['bypass/truncated_after_call.pkl', 'pickle', 'unsafe', ['TG-PKL-001', 'TG-PKL-004']],
  ['bypass/popped_unused.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['bypass/build_on_module.pkl', 'pickle', 'unsafe', ['TG-PKL-007']],
  ['bypass/ext_code.pkl', 'pickle', 'unsafe', ['TG-PKL-009']],
  ['bypass/invalid_opcode.pkl', 'pickle', 'unsafe', ['TG-PKL-001', 'TG-PKL-004']],
  ['bypass/memo_miss.pkl', 'pickle', 'error', ['TG-PKL-004']],
  ['bypass/frame_straddle.pkl', 'pickle', 'error', ['TG-PKL-004']],
  ['bypass/back_to_back.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['bypass/trailing_garbage.pkl', 'pickle', 'review', ['TG-PKL-008']],
  ['bypass/inst_opcode.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['bypass/obj_opcode.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['bypass/newobj_ex.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['bypass/compat_commands.pkl', 'pickle', 'unsafe', ['TG-PKL-001']],
  ['bypass/reduce_of_reduce.pkl', 'pickle', 'unsafe', ['TG-PKL-001', 'TG-PKL-006']],
  ['bypass/polyglot_pickle_zip.pkl', 'pickle', 'unsafe', ['TG-PKL-001', 'TG-PKL-010']],
  ['bypass/zip_local_name_mismatch.zip', 'pytorch-zip', 'review', ['TG-ZIP-003']],
  ['bypass/zip_traversal.zip', 'zip', 'review', ['TG-ZIP-002']],
  ['bypass/zip_bad_crc.zip', 'zip', 'review', ['TG-ZIP-004']],
  ['bypass/zip_encrypted_flag.zip', 'zip', 'error', ['TG-ZIP-005']],
  ['bypass/archive.7z', '7z', 'unsafe', ['TG-PKL-001']],
  ['bypass/evil.pkl.bz2', 'bzip2+pickle', 'unsafe', ['TG-PKL-001']],
  ['benign/arrays.joblib.bz2', 'bzip2+joblib', 'safe', []],
  ['bypass/bzip2_bomb.bin', 'bzip2', 'error', ['TG-LIM-001']],
  ['bypass/evil.pkl.xz', 'xz+pickle', 'unsafe', ['TG-PKL-001']],
  ['benign/arrays.joblib.xz', 'xz+joblib', 'safe', []],
  ['bypass/xz_bomb.bin', 'xz', 'error', ['TG-LIM-001']],
  ['bypass/evil.pkl.lzma', 'lzma+pickle', 'unsafe', ['TG-PKL-001']],
  ['benign/dict.pkl.lz4', 'lz4+pickle', 'safe', []],
  ['malicious/evil.pkl.lz4', 'lz4+pickle', 'unsafe', ['TG-PKL-001']],
  ['benign/zip64.zip', 'pytorch-zip', 'safe', []],
  ['malicious/data_descriptor.zip', 'zip', 'unsafe', ['TG-PKL-001']],
  ['bypass/zlib_bomb.bin', 'zlib', 'error', ['TG-LIM-001']],
];

describe('fixtures from real libraries and hand-built bypasses', () => {
  test.each(CASES)('%s is %s, %s', async (file, format, verdict, expected) => {
    const a = await analyseBytes(fixture(file), undefined, file);
    expect({ format: a.format, verdict: a.verdict }).toEqual({ format, verdict });
    for (const r of expected) expect(rules(a)).toContain(r);
    if (verdict === 'safe') expect(a.findings.every((f) => f.severity === 'info' || f.severity === 'low')).toBe(true);
  });

  test('the dangerous call is named, with its offset, in the message', async () => {
    const a = await analyseBytes(fixture('malicious/os_system_p2.pkl'), undefined, 'evil.pkl');
    const f = a.findings.find((x) => x.rule === 'TG-PKL-001');
    expect(f?.message).toBe('imports posix.system: runs commands (the os module under another name)');
    expect(f?.location).toEqual({ path: 'evil.pkl', offset: 2 });
  });

  test('a torch checkpoint is reported with its members and tensor count', async () => {
    const a = await analyseBytes(fixture('benign/state_dict.pt'));
    expect(a.metadata?.framework).toBe('pytorch');
    expect(a.metadata?.properties?.tensorStorages).toBe('4');
  });

  test('a malicious member is located inside its archive', async () => {
    const a = await analyseBytes(fixture('malicious/nested.zip'), undefined, 'n.zip');
    const f = a.findings.find((x) => x.rule === 'TG-PKL-001');
    expect(f?.location?.path).toBe('n.zip!/inner.zip!/deep/model.pkl');
  });
});
