// A bucket's CORS or lifecycle rules as a JSON document: rendered for the editor, then parsed and
// checked before anything is sent. Pure: unit-tested without VS Code.
import type { CorsRule, LifecycleRule } from '../r2';

export type ConfigKind = 'cors' | 'lifecycle';

/** The file name each kind of document has in its `r2-config:` URI. */
export const CONFIG_FILE_NAMES: Readonly<Record<ConfigKind, string>> = {
  cors: 'cors.json',
  lifecycle: 'lifecycle.json',
};

export interface Problem {
  message: string;
  /** Where in the text the problem is (start of the rule, or the JSON syntax error); 0 if unknown. */
  offset: number;
}

export type Parsed<T> = { ok: true; rules: T[] } | { ok: false; problems: Problem[] };

const CORS_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];
const MAX_CORS_RULES = 100;
const MAX_LIFECYCLE_RULES = 1000;

/** The document for these rules: S3's own field names, two-space indented, one trailing newline. */
export function formatRules(rules: readonly CorsRule[] | readonly LifecycleRule[]): string {
  return `${JSON.stringify(rules, null, 2)}\n`;
}

/**
 * What a bucket without rules shows: an empty array with a commented example inside, so that
 * uncommenting it (Ctrl+/) gives a valid rule, and saving it untouched changes nothing.
 */
const TEMPLATES: Readonly<Record<ConfigKind, string>> = {
  cors: [
    '// This bucket has no CORS rules: web pages on other sites cannot read its objects from a browser.',
    '// A rule lets the listed origins use the listed methods. AllowedOrigins and AllowedMethods (GET, PUT,',
    '// POST, DELETE, HEAD) are required; AllowedHeaders are the request headers a page may send,',
    '// ExposeHeaders the response headers its scripts may read, MaxAgeSeconds how long a browser may cache',
    '// the answer. Uncomment the example (Ctrl+/), edit it and save to apply it.',
    '[',
    '  // {',
    '  //   "AllowedOrigins": ["https://example.com"],',
    '  //   "AllowedMethods": ["GET", "HEAD"],',
    '  //   "AllowedHeaders": ["*"],',
    '  //   "ExposeHeaders": ["ETag"],',
    '  //   "MaxAgeSeconds": 3600',
    '  // }',
    ']',
    '',
  ].join('\n'),
  lifecycle: [
    '// This bucket has no lifecycle rules: R2 keeps every object until it is deleted.',
    '// A rule applies to the keys that start with Filter.Prefix (all keys without a Filter) while its',
    '// Status is "Enabled": Expiration deletes objects, Transitions move them to Infrequent Access',
    '// storage (STANDARD_IA), AbortIncompleteMultipartUpload ends uploads that were never completed,',
    '// each after a number of Days or on a Date. Uncomment the example (Ctrl+/), edit it and save.',
    '[',
    '  // {',
    '  //   "ID": "expire-old-logs",',
    '  //   "Status": "Enabled",',
    '  //   "Filter": { "Prefix": "logs/" },',
    '  //   "Expiration": { "Days": 30 },',
    '  //   "AbortIncompleteMultipartUpload": { "DaysAfterInitiation": 7 }',
    '  // }',
    ']',
    '',
  ].join('\n'),
};

/** The document a bucket's rules open as: the rules, or the commented template when there are none. */
export function formatDocument(kind: ConfigKind, rules: readonly CorsRule[] | readonly LifecycleRule[]): string {
  return rules.length === 0 ? TEMPLATES[kind] : formatRules(rules);
}

/**
 * The text with its line and block comments blanked out (newlines kept), so offsets still point
 * into the document: the schema lets users write comments, and R2 does not store them.
 */
export function blankComments(text: string): string {
  let result = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"' && text[end] !== '\n') {
        end += text[end] === '\\' ? 2 : 1;
      }
      result += text.slice(i, end + 1);
      i = end + 1;
    } else if (char === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const close = text[i + 1] === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i + 2);
      const end = close === -1 ? text.length : text[i + 1] === '/' ? close : close + 2;
      result += text.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
    } else {
      result += char;
      i++;
    }
  }
  return result;
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: Json): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isPositiveInteger(value: Json): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function isIsoDate(value: Json): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** Offsets of the elements of the top-level array, for pointing at a rule. */
export function topLevelElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') {
        i++;
      } else if (char === '"') {
        inString = false;
      }
      continue;
    }
    if (/\s/.test(char)) {
      continue;
    }
    if (depth === 1 && expectElement && char !== ']') {
      offsets.push(i);
      expectElement = false;
    }
    if (char === '"') {
      inString = true;
    } else if (char === '[' || char === '{') {
      depth++;
      expectElement = depth === 1 && char === '[';
    } else if (char === ']' || char === '}') {
      depth--;
    } else if (char === ',' && depth === 1) {
      expectElement = true;
    }
  }
  return offsets;
}

/** The JSON value, or the syntax problem with its position when the engine tells it. Comments are blanked first. */
function parseJson(text: string): { value: Json } | { problem: Problem } {
  if (text.trim() === '') {
    return { value: [] };
  }
  try {
    return { value: JSON.parse(text) as Json };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    return { problem: { message: `Not valid JSON: ${message}`, offset: position ? Number(position[1]) : 0 } };
  }
}

/**
 * The rules array: the document's top level, or the `CORSRules` / `Rules` array of the AWS CLI's
 * JSON, which users paste from elsewhere.
 */
function rulesArray(value: Json, wrapper: string, what: string): { rules: Json[] } | { problem: Problem } {
  const rules = isObject(value) && Object.keys(value).length === 1 && wrapper in value ? value[wrapper] : value;
  if (!Array.isArray(rules)) {
    return { problem: { message: `The document must be a JSON array of ${what} ([] removes them all).`, offset: 0 } };
  }
  return { rules };
}

function checkFields(rule: Record<string, Json>, allowed: readonly string[], problems: string[]): void {
  for (const field of Object.keys(rule)) {
    if (!allowed.includes(field)) {
      problems.push(`unknown field "${field}" (allowed: ${allowed.join(', ')})`);
    }
  }
}

function corsRuleProblems(rule: Json): string[] {
  if (!isObject(rule)) {
    return ['must be an object'];
  }
  const problems: string[] = [];
  checkFields(
    rule,
    ['ID', 'AllowedOrigins', 'AllowedMethods', 'AllowedHeaders', 'ExposeHeaders', 'MaxAgeSeconds'],
    problems,
  );
  if (rule.ID !== undefined && typeof rule.ID !== 'string') {
    problems.push('ID must be a string');
  }
  if (
    !isStringArray(rule.AllowedOrigins) ||
    rule.AllowedOrigins.length === 0 ||
    rule.AllowedOrigins.some((origin) => origin === '')
  ) {
    problems.push('AllowedOrigins must be a non-empty array of origins, e.g. ["https://example.com"] or ["*"]');
  }
  if (!isStringArray(rule.AllowedMethods) || rule.AllowedMethods.length === 0) {
    problems.push(`AllowedMethods must be a non-empty array of ${CORS_METHODS.join(', ')}`);
  } else {
    const unknown = rule.AllowedMethods.filter((method) => !CORS_METHODS.includes(method));
    if (unknown.length > 0) {
      problems.push(
        `AllowedMethods has ${unknown.map((method) => `"${method}"`).join(', ')}; R2 allows ${CORS_METHODS.join(', ')}`,
      );
    }
  }
  for (const field of ['AllowedHeaders', 'ExposeHeaders']) {
    if (rule[field] !== undefined && !isStringArray(rule[field])) {
      problems.push(`${field} must be an array of header names`);
    }
  }
  const maxAge = rule.MaxAgeSeconds;
  if (maxAge !== undefined && !(typeof maxAge === 'number' && Number.isInteger(maxAge) && maxAge >= 0)) {
    problems.push('MaxAgeSeconds must be a whole number of seconds (0 or more)');
  }
  return problems;
}

function dayOrDateProblems(value: Json, name: string): string[] {
  if (!isObject(value)) {
    return [`${name} must be an object with Days or Date`];
  }
  const problems: string[] = [];
  checkFields(value, name === 'Expiration' ? ['Days', 'Date'] : ['Days', 'Date', 'StorageClass'], problems);
  const hasDays = value.Days !== undefined;
  const hasDate = value.Date !== undefined;
  if (hasDays === hasDate) {
    problems.push(`${name} needs exactly one of Days or Date`);
  }
  if (hasDays && !isPositiveInteger(value.Days)) {
    problems.push(`${name}.Days must be a positive whole number`);
  }
  if (hasDate && !isIsoDate(value.Date)) {
    problems.push(`${name}.Date must be an ISO 8601 date, e.g. "2030-01-01T00:00:00.000Z"`);
  }
  return problems;
}

function lifecycleRuleProblems(rule: Json): string[] {
  if (!isObject(rule)) {
    return ['must be an object'];
  }
  const problems: string[] = [];
  checkFields(
    rule,
    ['ID', 'Status', 'Filter', 'Expiration', 'AbortIncompleteMultipartUpload', 'Transitions'],
    problems,
  );
  if (rule.ID !== undefined && (typeof rule.ID !== 'string' || rule.ID.length > 255)) {
    problems.push('ID must be a string of at most 255 characters');
  }
  if (rule.Status !== 'Enabled' && rule.Status !== 'Disabled') {
    problems.push('Status must be "Enabled" or "Disabled"');
  }
  if (rule.Filter !== undefined) {
    if (!isObject(rule.Filter)) {
      problems.push('Filter must be an object, e.g. { "Prefix": "logs/" }');
    } else {
      checkFields(rule.Filter, ['Prefix'], problems);
      if (rule.Filter.Prefix !== undefined && typeof rule.Filter.Prefix !== 'string') {
        problems.push('Filter.Prefix must be a string');
      }
    }
  }
  if (rule.Expiration !== undefined) {
    problems.push(...dayOrDateProblems(rule.Expiration, 'Expiration'));
  }
  const abort = rule.AbortIncompleteMultipartUpload;
  if (
    abort !== undefined &&
    !(isObject(abort) && Object.keys(abort).length === 1 && isPositiveInteger(abort.DaysAfterInitiation))
  ) {
    problems.push('AbortIncompleteMultipartUpload must be { "DaysAfterInitiation": <positive whole number> }');
  }
  if (rule.Transitions !== undefined) {
    if (!Array.isArray(rule.Transitions)) {
      problems.push('Transitions must be an array');
    } else {
      for (const transition of rule.Transitions) {
        problems.push(...dayOrDateProblems(transition, 'Transition'));
        if (isObject(transition) && transition.StorageClass !== 'STANDARD_IA') {
          problems.push('Transition.StorageClass must be "STANDARD_IA": R2 moves objects to Infrequent Access only');
        }
      }
    }
  }
  const hasAction =
    rule.Expiration !== undefined ||
    abort !== undefined ||
    (Array.isArray(rule.Transitions) && rule.Transitions.length > 0);
  if (!hasAction) {
    problems.push('needs an action: Expiration, Transitions or AbortIncompleteMultipartUpload');
  }
  return problems;
}

function parseRules<T>(
  document: string,
  wrapper: string,
  what: string,
  max: number,
  ruleProblems: (rule: Json) => string[],
): Parsed<T> {
  const text = blankComments(document);
  const json = parseJson(text);
  if ('problem' in json) {
    return { ok: false, problems: [json.problem] };
  }
  const array = rulesArray(json.value, wrapper, what);
  if ('problem' in array) {
    return { ok: false, problems: [array.problem] };
  }
  if (array.rules.length > max) {
    return { ok: false, problems: [{ message: `R2 allows at most ${max} ${what} per bucket.`, offset: 0 }] };
  }
  const offsets = array.rules === json.value ? topLevelElementOffsets(text) : [];
  const problems = array.rules.flatMap((rule, index) =>
    ruleProblems(rule).map((problem) => ({ message: `Rule ${index + 1}: ${problem}.`, offset: offsets[index] ?? 0 })),
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules: array.rules as T[] };
}

export function parseCorsRules(text: string): Parsed<CorsRule> {
  return parseRules<CorsRule>(text, 'CORSRules', 'CORS rules', MAX_CORS_RULES, corsRuleProblems);
}

export function parseLifecycleRules(text: string): Parsed<LifecycleRule> {
  return parseRules<LifecycleRule>(text, 'Rules', 'lifecycle rules', MAX_LIFECYCLE_RULES, lifecycleRuleProblems);
}

export function parseConfig(kind: ConfigKind, text: string): Parsed<CorsRule> | Parsed<LifecycleRule> {
  return kind === 'cors' ? parseCorsRules(text) : parseLifecycleRules(text);
}
