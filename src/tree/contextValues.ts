// Context values for `when` clauses in package.json menus, matched there with regular expressions
// (e.g. `viewItem =~ /^r2\.prefix\b/`). States are dot-suffixes: `r2.bucket.filtered.pinned`.
// `.readonly` marks every row of an account whose token may not write: menus hide write actions
// with `(?!.*\.readonly\b)`. `r2.error.credentials` is a failure Edit Account fixes.
export const contextValues = {
  account: 'r2.account',
  bucket: 'r2.bucket',
  prefix: 'r2.prefix',
  object: 'r2.object',
  loadMore: 'r2.loadMore',
  message: 'r2.message',
  error: 'r2.error',
  /** A pinned bucket, folder or object at the top of its account; `.missing` when it is gone. */
  pin: 'r2.pin',
} as const;

export function withStates(base: string, states: Record<string, boolean>): string {
  return [
    base,
    ...Object.entries(states)
      .filter(([, on]) => on)
      .map(([state]) => state),
  ].join('.');
}

/** Context keys set on the window. */
export const contextKeys = {
  hasAccounts: 'r2.hasAccounts',
} as const;
