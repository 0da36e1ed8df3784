// Context values used by `when` clauses in package.json menus; matched there with regular expressions.
export const contextValues = {
  account: 'r2.account',
} as const;

/** Context keys set on the window. */
export const contextKeys = {
  hasAccounts: 'r2.hasAccounts',
} as const;
