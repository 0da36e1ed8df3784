// R2's size and count limits (developers.cloudflare.com/r2/platform/limits).
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const MAX_PUT_SIZE = 5 * GiB - 5 * MiB;
export const MAX_PART_SIZE = 5 * GiB;
export const MIN_PART_SIZE = 5 * MiB;
export const MAX_PART_NUMBER = 10000;
export const MAX_COPY_SOURCE_SIZE = 5 * GiB;
/** Per page of ListObjects, ListParts and ListMultipartUploads, and per DeleteObjects call. */
export const MAX_ITEMS_PER_CALL = 1000;
