import { hasFileIdentifier } from '../shared/flatbuffer.js';

/** TFLite models are flatbuffers with file identifier `TFL3`. */
export const sniffTflite = (head: Uint8Array) => hasFileIdentifier(head, 'TFL3');
