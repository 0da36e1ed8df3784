// Where objects changed, announced by whoever changed them (a command, after an operation) and
// heard by the R2 view, which lists those places again. No `vscode`: listeners are disposed by shape.
import type { ChangedPlace } from './outcome';

export type ChangeListener = (places: readonly ChangedPlace[]) => void;

export class ObjectChanges {
  private readonly listeners = new Set<ChangeListener>();

  onDidChange(listener: ChangeListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  fire(places: readonly ChangedPlace[]): void {
    if (places.length > 0) {
      this.listeners.forEach((listener) => listener(places));
    }
  }
}
