// Downloads go on direct connections only where no proxy applies to the endpoint (see
// src/accounts/directDownloads.ts): a direct connection would bypass it.
import assert from 'node:assert/strict';
import type { ProxyConfiguration } from '../../../src/accounts/directDownloads';
import { allowsDirectConnections, directDownloadsFor } from '../../../src/accounts/directDownloads';

const HOST = '0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com';
const NONE: ProxyConfiguration = { proxy: '', proxySupport: 'override', noProxy: [], env: {} };

describe('direct downloads and proxies', () => {
  it('are allowed with no proxy anywhere, or with VS Code leaving requests alone', () => {
    assert.equal(allowsDirectConnections(HOST, NONE), true);
    assert.equal(allowsDirectConnections(HOST, { ...NONE, proxy: 'http://proxy:3128', proxySupport: 'off' }), true);
  });

  it('are refused under http.proxy, unless http.noProxy names the host or a domain above it', () => {
    const proxy = { ...NONE, proxy: 'http://proxy:3128' };
    assert.equal(allowsDirectConnections(HOST, proxy), false);
    assert.equal(allowsDirectConnections(HOST, { ...proxy, noProxy: ['example.com'] }), false);
    assert.equal(allowsDirectConnections(HOST, { ...proxy, noProxy: ['.cloudflarestorage.com'] }), true);
    assert.equal(allowsDirectConnections(HOST, { ...proxy, noProxy: ['*.r2.cloudflarestorage.com'] }), true);
    assert.equal(allowsDirectConnections(HOST, { ...proxy, noProxy: [`${HOST}:443`] }), true);
    // A suffix of a name is not its domain.
    assert.equal(allowsDirectConnections(HOST, { ...proxy, noProxy: ['flarestorage.com'] }), false);
  });

  it('are refused under a proxy from the environment, in either case, unless NO_PROXY names the host', () => {
    for (const variable of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY']) {
      assert.equal(allowsDirectConnections(HOST, { ...NONE, env: { [variable]: 'http://proxy:3128' } }), false);
    }
    const env = { HTTPS_PROXY: 'http://proxy:3128' };
    assert.equal(
      allowsDirectConnections(HOST, { ...NONE, env: { ...env, NO_PROXY: 'localhost, r2.cloudflarestorage.com' } }),
      true,
    );
    assert.equal(allowsDirectConnections(HOST, { ...NONE, env: { ...env, no_proxy: '*' } }), true);
    assert.equal(allowsDirectConnections(HOST, { ...NONE, env: { ...env, NO_PROXY: 'localhost' } }), false);
    assert.equal(allowsDirectConnections(HOST, { ...NONE, env: { HTTPS_PROXY: ' ' } }), true);
  });

  it("decides for an account's endpoint: R2's host, or a custom endpoint's", () => {
    const r2 = {
      id: 'a',
      name: 'a',
      accessKeyId: 'k',
      jurisdiction: 'eu' as const,
      accountId: '0123456789abcdef0123456789abcdef',
    };
    const env = { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'eu.r2.cloudflarestorage.com' };
    assert.equal(directDownloadsFor(r2, { ...NONE, env }), true);
    assert.equal(directDownloadsFor({ ...r2, jurisdiction: 'default' }, { ...NONE, env }), false);
    const custom = { ...r2, endpoint: 'http://127.0.0.1:9000' };
    assert.equal(directDownloadsFor(custom, { ...NONE, env: { ...env, NO_PROXY: '127.0.0.1' } }), true);
    assert.equal(directDownloadsFor({ ...r2, accountId: 'not an account' }, NONE), false);
  });
});
