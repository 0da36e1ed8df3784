// Pinned buckets, folders and objects: kept in globalState (ids and keys, no secret), so they
// survive reloads, and shown at the top of their account. The store knows no screen.
import * as vscode from 'vscode';
import { headBucket, headIfExists, isR2Error, listPage } from '../r2';
import type { R2Client } from '../r2';

/** A bucket (`key` ''), a folder (`key` ends with '/') or an object of one account entry. */
export interface Pin {
  readonly accountId: string;
  readonly bucket: string;
  readonly key: string;
}

const PINS_KEY = 'r2.pins';

function samePin(a: Pin, b: Pin): boolean {
  return a.accountId === b.accountId && a.bucket === b.bucket && a.key === b.key;
}

export class PinStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the account entry whose pins changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  private all(): Pin[] {
    return this.state.get<Pin[]>(PINS_KEY, []);
  }

  /** The account's pins, in the order they were pinned. */
  of(accountId: string): readonly Pin[] {
    return this.all().filter((pin) => pin.accountId === accountId);
  }

  has(pin: Pin): boolean {
    return this.all().some((each) => samePin(each, pin));
  }

  async add(pin: Pin): Promise<void> {
    if (!this.has(pin)) {
      await this.state.update(PINS_KEY, [
        ...this.all(),
        { accountId: pin.accountId, bucket: pin.bucket, key: pin.key },
      ]);
      this.changed.fire(pin.accountId);
    }
  }

  async remove(pin: Pin): Promise<void> {
    await this.state.update(
      PINS_KEY,
      this.all().filter((each) => !samePin(each, pin)),
    );
    this.changed.fire(pin.accountId);
  }

  /** An account removed takes its pins with it. */
  async removeAccount(accountId: string): Promise<void> {
    await this.state.update(
      PINS_KEY,
      this.all().filter((each) => each.accountId !== accountId),
    );
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * Whether what a pin names is still there: a bucket (HEAD), an object (HEAD) or a folder (a list of
 * one key). Only an answer that it is gone counts: a failed request leaves the pin as it was.
 */
export async function pinnedExists(client: R2Client, pin: Pin, signal: AbortSignal): Promise<boolean> {
  const { bucket, key } = pin;
  try {
    if (key === '') {
      await headBucket(client, bucket, signal);
      return true;
    }
    if (!key.endsWith('/')) {
      return (await headIfExists(client, { bucket, key }, signal)) !== undefined;
    }
    const page = await listPage(client, { bucket, prefix: key, delimiter: '', pageSize: 1 }, signal);
    return page.objects.length > 0 || page.prefixes.length > 0;
  } catch (error) {
    return isR2Error(error, 'NoSuchBucket') ? false : true;
  }
}
