// Signatures and Authorization headers would let anyone replay a request: never log them.
// Pure: unit-tested without VS Code.
const SECRET_PATTERNS: RegExp[] = [
  /(authorization["']?\s*[:=]\s*["']?)[^"',\n]+/gi,
  /(X-Amz-Signature=)[0-9a-f]+/gi,
  /(Signature=)[0-9a-f]+/gi,
  /(x-amz-security-token["']?\s*[:=]\s*["']?)[^"',&\s]+/gi,
];

/** The text with signatures, Authorization headers and session tokens replaced by `<redacted>`. */
export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((current, pattern) => current.replace(pattern, '$1<redacted>'), text);
}
