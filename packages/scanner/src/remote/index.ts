export type { HubOptions } from './hub.js';
export { DEFAULT_ENDPOINT, isRemoteReference, parseRemoteReference, type RemoteReference } from './reference.js';
export { type RemoteScanOptions, scanRemote } from './scan.js';
