// The names uploads and pasted images get, from a template setting such as `${date}-${fileName}`.
// No vscode import: unit-tested in plain Node.
import { randomUUID } from 'node:crypto';
import { messages } from '../ui/messages';
import type { LocalFile } from './localFiles';
import type { Refusal } from './outcome';

/** What a template may hold, each as `${name}`. */
export const NAME_VARIABLES = ['fileName', 'date', 'dateTime', 'uuid'] as const;
type NameVariable = (typeof NAME_VARIABLES)[number];

/** A checked template: the name it gives a file (fileName: the file's own name, `a.png`). */
export type NameTemplate = (fileName: string) => string;

export type NameTemplateCheck =
  { readonly ok: true; readonly name: NameTemplate } | { readonly ok: false; readonly reason: string };

// `${` up to the next `}`; an unclosed `${` is caught as the text of a variable that has no end.
const VARIABLE = /\$\{([^}]*)\}/g;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** 2026-12-01, in local time: the day the user sees on their clock. */
function localDate(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** 2026-12-01-190512, in local time: no ':' (not allowed in Windows file names, awkward in URLs). */
function localDateTime(now: Date): string {
  return `${localDate(now)}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

const isVariable = (name: string): name is NameVariable => (NAME_VARIABLES as readonly string[]).includes(name);

/**
 * Checks the template of `setting` and returns what it names a file. Refused: unknown variables (all
 * named), an unclosed `${`, and a template whose names would be empty, `.`/`..` or hold a '/' (a
 * template names an object in the folder chosen; it never makes folders). The date and time are those
 * of `now`, the same for every file of one upload; each file gets its own uuid.
 */
export function checkNameTemplate(
  setting: string,
  template: string,
  now: Date = new Date(),
  uuid: () => string = randomUUID,
): NameTemplateCheck {
  const unknown = [...template.matchAll(VARIABLE)].map((match) => match[1]).filter((name) => !isVariable(name));
  if (unknown.length > 0) {
    return { ok: false, reason: messages.nameTemplateUnknown(setting, unknown, NAME_VARIABLES) };
  }
  if (template.replace(VARIABLE, '').includes('${')) {
    return { ok: false, reason: messages.nameTemplateUnclosed(setting) };
  }
  const values = { date: localDate(now), dateTime: localDateTime(now) };
  const render = (fileName: string, id: () => string) =>
    template.replace(VARIABLE, (_, variable: NameVariable) =>
      variable === 'fileName' ? fileName : variable === 'uuid' ? id() : values[variable],
    );
  // A file's own name never holds '/' nor is empty, so one sample shows what every name would be.
  const sample = render('file.txt', () => 'uuid');
  if (sample.includes('/')) {
    return { ok: false, reason: messages.nameTemplateSlash(setting) };
  }
  if (['', '.', '..'].includes(sample.trim())) {
    return { ok: false, reason: messages.nameTemplateEmpty(setting) };
  }
  return { ok: true, name: (fileName) => render(fileName, uuid) };
}

/**
 * The files with the last segment of each key named by the template (the folders below the chosen
 * one stay). Two files the template gives the same key would overwrite one another: the later are
 * refused, saying which file has the name.
 */
export function nameFiles(
  files: readonly LocalFile[],
  name: NameTemplate,
): { readonly files: LocalFile[]; readonly refused: Refusal[] } {
  const named = new Map<string, LocalFile>();
  const refused: Refusal[] = [];
  for (const file of files) {
    const slash = file.relativeKey.lastIndexOf('/') + 1;
    const relativeKey = file.relativeKey.slice(0, slash) + name(file.relativeKey.slice(slash));
    const other = named.get(relativeKey);
    if (other) {
      refused.push({ name: file.path, reason: messages.nameTemplateSameName(other.path) });
    } else {
      named.set(relativeKey, { ...file, relativeKey });
    }
  }
  return { files: [...named.values()], refused };
}
