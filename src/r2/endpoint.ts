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

// Hosts as the WHATWG URL parser writes them: it turns every IPv4 form (127.1, 0x7f.0.0.1,
// 2130706433) into dotted decimal, and writes IPv6 compressed, in lowercase hex, in brackets.
const IPV4_127 = /^127(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** ::ffff:127.0.0.0/104, the IPv4-mapped form of 127/8: the URL parser writes it `[::ffff:7fXX:XXXX]`. */
const IPV4_MAPPED_127 = /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/;

/**
 * Whether requests to this endpoint URL stay on this machine, so plain http exposes nothing on a
 * network. Loopback: `localhost`, 127.0.0.0/8, ::1, and ::ffff:127.0.0.0/104 (127/8 mapped into
 * IPv6). Not loopback, so warned about: 0.0.0.0 and :: (no host's address: Linux and macOS connect
 * them to this machine, Windows refuses them; a rule that held on one OS only would be wrong on
 * another, and a needless warning costs less than a missing one); `localhost.` and `*.localhost`,
 * which a resolver may ask DNS for; anything that does not parse as a URL. Pure: the sandbox
 * account and the account view use it too.
 */
export function isLoopbackEndpoint(url: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(url.trim()).hostname;
  } catch {
    return false;
  }
  return hostname === 'localhost' || hostname === '[::1]' || IPV4_127.test(hostname) || IPV4_MAPPED_127.test(hostname);
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
  if (url.protocol === 'http:' && !isLoopbackEndpoint(url.href)) {
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
