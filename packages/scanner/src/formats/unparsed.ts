import type { Analysis } from '../analyser.js';
import { conclude } from '../conclude.js';
import { finding, RULES } from '../rules.js';
import type { ByteSource } from '../source.js';

// Names loaders open as model files: text under one of these is a file that was not what it claims to be.
const MODEL_EXTENSIONS = new Set([
  'pt',
  'pth',
  'bin',
  'pkl',
  'pickle',
  'ckpt',
  'joblib',
  'npy',
  'npz',
  'h5',
  'hdf5',
  'keras',
  'onnx',
  'gguf',
  'ggml',
  'safetensors',
  'pb',
  'tflite',
  'mar',
  'model',
  'msgpack',
  'dill',
  'sav',
  'pkl3',
  'ptl',
  'torchscript',
  'mlmodel',
  'nemo',
]);
const LFS_POINTER = 'version https://git-lfs.github.com/spec/';

/** The file's own name (the last member of `a.zip!/b/c.pt`), lower-cased. */
function extensionOf(source: ByteSource): string {
  const base = (source.name.split('!/').pop() ?? source.name).split('/').pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/**
 * Text where a model should be: a Git LFS pointer (the checkout did not fetch LFS objects) or any text under a
 * model file name. Nothing in it was analysed, so it is `error` (completeness failed), never a pass. (An empty file
 * stays `safe`: it carries nothing, and every loader fails on it.)
 */
export function unparsedText(source: ByteSource, head: Uint8Array): Analysis | undefined {
  const start = new TextDecoder('latin1').decode(head.subarray(0, LFS_POINTER.length));
  if (start === LFS_POINTER)
    return conclude('lfs-pointer', [
      finding(
        RULES.lfsPointer,
        'is a Git LFS pointer, not the model: fetch LFS objects: use `lfs: true` with actions/checkout (or run `git lfs pull`), then scan again',
        { path: source.name },
      ),
    ]);
  const ext = extensionOf(source);
  if (!MODEL_EXTENSIONS.has(ext)) return undefined;
  return conclude('text', [
    finding(RULES.textAsModel, `is named like a model (.${ext}) but holds text no model loader reads; it was not analysed`, {
      path: source.name,
    }),
  ]);
}
