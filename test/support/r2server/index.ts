// A local server that answers like Cloudflare R2's S3 API, for tests and sandboxes (not shipped).
export { DEFAULT_CREDENTIAL, startR2Server } from './server';
export type { R2Server, R2ServerOptions } from './server';
export type { R2Credential } from './sigv4';
export type { CutRequestFault, CutResponseFault, DelayFault, ErrorFault, R2Fault, WriteFault } from './faults';
export type { R2Stats } from './stats';
