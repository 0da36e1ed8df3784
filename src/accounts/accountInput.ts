import type { Jurisdiction } from '../r2';
import { isValidAccountId } from '../r2';

/** What the first Add Account step understood from the text the user typed or pasted. */
export type AccountLocation =
  { kind: 'r2'; accountId: string; jurisdiction?: Jurisdiction } | { kind: 'custom'; endpoint: string };

// The endpoint Cloudflare's API token page shows: https://<ACCOUNT_ID>[.eu|.fedramp].r2.cloudflarestorage.com
const R2_ENDPOINT_HOST = /^([0-9a-f]{32})(?:\.(eu|fedramp))?\.r2\.cloudflarestorage\.com$/i;

/** Reads an account ID, a pasted R2 endpoint URL, or a custom S3 endpoint; undefined when it is none. */
export function parseAccountLocation(input: string): AccountLocation | undefined {
  const text = input.trim();
  if (isValidAccountId(text)) {
    return { kind: 'r2', accountId: text.toLowerCase() };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return undefined;
  }
  const r2 = R2_ENDPOINT_HOST.exec(url.hostname);
  if (r2) {
    return {
      kind: 'r2',
      accountId: r2[1].toLowerCase(),
      jurisdiction: (r2[2]?.toLowerCase() as Jurisdiction | undefined) ?? 'default',
    };
  }
  // Keep the path: some S3-compatible servers live under one.
  return { kind: 'custom', endpoint: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** The prompts of the Add and Edit Account walk-through, in order. */
export type AccountStep = 'location' | 'jurisdiction' | 'accessKeyId' | 'secretAccessKey' | 'name';

/**
 * The steps for this location: the jurisdiction is asked only for a bare account ID (an endpoint URL
 * names it). Before the location is known the count assumes no such question, and grows when one
 * comes, as VS Code's multi-step input sample counts an optional step.
 */
export function accountSteps(location: AccountLocation | undefined): readonly AccountStep[] {
  const asksJurisdiction = location?.kind === 'r2' && location.jurisdiction === undefined;
  return [
    'location',
    ...(asksJurisdiction ? (['jurisdiction'] as const) : []),
    'accessKeyId',
    'secretAccessKey',
    'name',
  ];
}

/** "Add R2 Account (2/4)": the step's true place among the steps for this location. */
export function stepTitle(title: string, step: AccountStep, location: AccountLocation | undefined): string {
  const steps = accountSteps(location);
  return `${title} (${steps.indexOf(step) + 1}/${steps.length})`;
}
