import { R2Error } from './errors';
import type { Jurisdiction } from './types';

export type EndpointConfig =
  | { kind: 'r2'; accountId: string; jurisdiction: Jurisdiction }
  /** Any S3-compatible server. Path-style addressing is the default: local servers need it. */
  | { kind: 'custom'; url: string; forcePathStyle?: boolean };

export interface EndpointWarning {
  code: 'InsecureHttp';
  message: string;
}

export interface ResolvedEndpoint {
  url: string;
  forcePathStyle: boolean;
  warnings: EndpointWarning[];
}

const ACCOUNT_ID = /^[0-9a-f]{32}$/i;

const JURISDICTION_HOSTS: Record<Jurisdiction, string> = {
  default: 'r2.cloudflarestorage.com',
  eu: 'eu.r2.cloudflarestorage.com',
  fedramp: 'fedramp.r2.cloudflarestorage.com',
};

export function isValidAccountId(accountId: string): boolean {
  return ACCOUNT_ID.test(accountId);
}

function invalid(message: string): R2Error {
  return new R2Error('InvalidArgument', { operation: 'resolveEndpoint' }, { message });
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function resolveCustom(raw: string, forcePathStyle: boolean): ResolvedEndpoint {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid('The endpoint is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid('The endpoint must be an http:// or https:// URL.');
  }
  // Credentials in the URL would be sent (and logged) outside the signing process.
  if (url.username !== '' || url.password !== '') {
    throw invalid('The endpoint URL must not contain a user name or password.');
  }
  if (url.search !== '' || url.hash !== '') {
    throw invalid('The endpoint URL must not have a query or fragment.');
  }
  const warnings: EndpointWarning[] = [];
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    warnings.push({
      code: 'InsecureHttp',
      message: `${url.host} is reached over plain http: requests and data can be read on the network.`,
    });
  }
  return { url: url.href.replace(/\/$/, ''), forcePathStyle, warnings };
}

/** Validates the configuration and gives the URL to talk to; throws R2Error InvalidArgument. */
export function resolveEndpoint(config: EndpointConfig): ResolvedEndpoint {
  if (config.kind === 'custom') {
    return resolveCustom(config.url, config.forcePathStyle ?? true);
  }
  if (!isValidAccountId(config.accountId)) {
    throw invalid('A Cloudflare account ID is 32 hexadecimal characters.');
  }
  const host = JURISDICTION_HOSTS[config.jurisdiction];
  return { url: `https://${config.accountId.toLowerCase()}.${host}`, forcePathStyle: false, warnings: [] };
}
