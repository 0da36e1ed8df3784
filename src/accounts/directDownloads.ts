// Whether an account's client may send downloads on direct connections (R2ClientOptions
// .directDownloads: about half the CPU per downloaded byte). Inside VS Code, node:http and https
// follow the user's proxy: the extension host patches their agents (http.proxySupport) to go
// through http.proxy, or the proxy the environment or the system names. A direct connection is a
// plain socket and would bypass it, so it is used only where no proxy applies to the endpoint. A
// proxy this cannot see (the system's own settings, a PAC file) is covered by the client itself:
// where the endpoint cannot be reached directly, it falls back to node:http for good, and the
// transfer thread leaves that endpoint's transfers to the main thread (src/transfers/transferThread.ts).
import { resolveEndpoint } from '../r2';
import type { Account } from './account';
import { endpointConfig } from './account';

/** What decides whether requests from the extension host go through a proxy. */
export interface ProxyConfiguration {
  /** VS Code's `http.proxy`. */
  proxy: string;
  /** VS Code's `http.proxySupport`: `off` leaves node:http unpatched, as direct as these connections. */
  proxySupport: string;
  /** VS Code's `http.noProxy`: hosts `http.proxy` is not used for. */
  noProxy: readonly string[];
  /** HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY, in either case. */
  env: NodeJS.ProcessEnv;
}

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'all_proxy', 'ALL_PROXY'];

/**
 * Whether `host` is in a no-proxy list, as curl reads one: `*` is every host; an entry names a host
 * and its subdomains, with or without a leading dot or `*.`, and with or without a port.
 */
function bypasses(entries: readonly string[], host: string): boolean {
  return entries.some((raw) => {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/:\d+$/, '')
      .replace(/^\*?\./, '');
    return entry === '*' || (entry !== '' && (host === entry || host.endsWith(`.${entry}`)));
  });
}

/** The policy, for an endpoint's host name. */
export function allowsDirectConnections(host: string, proxy: ProxyConfiguration): boolean {
  if (proxy.proxySupport === 'off') {
    return true;
  }
  const name = host.toLowerCase();
  const settingApplies = proxy.proxy.trim() !== '' && !bypasses(proxy.noProxy, name);
  const envProxy = PROXY_VARIABLES.some((variable) => (proxy.env[variable] ?? '').trim() !== '');
  const envBypass = (proxy.env.no_proxy ?? proxy.env.NO_PROXY ?? '').split(',');
  return !settingApplies && !(envProxy && !bypasses(envBypass, name));
}

/** The policy for an account's endpoint; an endpoint that does not resolve gets no direct connections. */
export function directDownloadsFor(account: Account, proxy: ProxyConfiguration): boolean {
  try {
    return allowsDirectConnections(new URL(resolveEndpoint(endpointConfig(account)).url).hostname, proxy);
  } catch {
    return false;
  }
}
