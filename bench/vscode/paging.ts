// "Load more…" as a person clicks it: the next page, then a wait until the view has fetched the
// level again, so every page is rendered once. Without the wait, how many refreshes VS Code merges
// (it debounces them by 200 ms) would depend on how fast each page arrives, and the extension and
// the plain tree it is compared with would not do the same work.
import type * as vscode from 'vscode';

interface Provider<T> {
  getChildren(element?: T): vscode.ProviderResult<T[]>;
}

export async function pageThrough<T>(
  provider: Provider<T>,
  level: T,
  hasMore: () => boolean,
  loadMore: () => PromiseLike<unknown>,
): Promise<void> {
  // The view calls the provider's method through the object, so an own property sees each call.
  const original = provider.getChildren;
  let fetched = () => {};
  provider.getChildren = async (element?: T) => {
    const children = await original.call(provider, element);
    if (element === level) {
      fetched();
    }
    return children;
  };
  try {
    while (hasMore()) {
      const shown = new Promise<void>((resolve) => (fetched = resolve));
      await loadMore();
      await shown;
    }
  } finally {
    delete (provider as Partial<Provider<T>>).getChildren;
  }
}
