// The local server's store, used directly only to seed a data folder before the server starts.
export { Store } from '../test/support/r2server/store';

/** ETag of an empty object. */
export const MD5_OF_NOTHING = 'd41d8cd98f00b204e9800998ecf8427e';
