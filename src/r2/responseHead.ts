// The head of an HTTP/1.1 response, read by the direct GET (directConnection.ts). Only what an S3
// answer to a GET needs is accepted: anything else (a body of unknown length, a folded header, an
// HTTP version other than 1.x) is refused here, and the caller sends the request through node:http.

export interface ResponseHead {
  status: number;
  /** Lower-case names; a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  /** Bytes of body that follow the head. */
  bodyLength: number;
  /** Whether the connection may carry another request once the body has been read. */
  keepAlive: boolean;
}

const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: [^\r\n]*)?$/;
const HEADER_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*?)[ \t]*$/;
const DECIMAL = /^\d{1,15}$/;

/** Statuses that never have a body, whatever Content-Length says (RFC 9110 §6.4.1). */
function hasNoBody(status: number): boolean {
  return status < 200 || status === 204 || status === 304;
}

/**
 * Parses the head (status line and header lines, without the blank line that ends it), or returns
 * undefined when it is not one this reader can follow.
 */
export function parseResponseHead(text: string): ResponseHead | undefined {
  const lines = text.split('\r\n');
  const status = STATUS_LINE.exec(lines[0]);
  if (status === null) {
    return undefined;
  }
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const header = HEADER_LINE.exec(line);
    if (header === null) {
      return undefined;
    }
    const name = header[1].toLowerCase();
    headers[name] = name in headers ? `${headers[name]}, ${header[2]}` : header[2];
  }
  const code = Number(status[2]);
  const length = headers['content-length'];
  // Transfer-Encoding (chunked) or no Content-Length: the body's end is not known from the head.
  if (
    !hasNoBody(code) &&
    (headers['transfer-encoding'] !== undefined || length === undefined || !DECIMAL.test(length))
  ) {
    return undefined;
  }
  const connection = (headers.connection ?? '').toLowerCase().split(/\s*,\s*/);
  return {
    status: code,
    headers,
    bodyLength: hasNoBody(code) ? 0 : Number(length),
    keepAlive: status[1] === '1' && !connection.includes('close'),
  };
}
