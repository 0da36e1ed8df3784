// What one language-model tool is, apart from VS Code: its input checked, what it asks the user
// before a write, and its work. Its answer is text a model reads: short, specific, never a stack.
import type { AccountStore } from '../accounts/accountStore';
import type { Clients } from '../operations';

/** What tools work with: the extension's accounts and clients, and the folders a tool may read. */
export interface ToolServices {
  readonly accounts: Pick<AccountStore, 'list'>;
  readonly clients: Clients;
  /** Local folders a tool may upload from: the workspace folders on this machine. */
  readonly workspaceFolders: () => readonly string[];
  readonly settings: { get<T>(name: string, fallback: T): T };
}

/** The question VS Code shows (Continue / Cancel) before a tool that changes R2 runs. */
export interface Confirmation {
  readonly title: string;
  readonly message: string;
}

export interface AgentTool<T> {
  /** As declared in package.json `languageModelTools`. */
  readonly name: string;
  /** Shown while the tool runs: "Listing logs/ in my-bucket". */
  invocationMessage(input: T): string;
  /** Write tools only: names the account, bucket and keys, and what will happen to them. */
  confirmation?(input: T, services: ToolServices): Confirmation;
  run(input: T, services: ToolServices, signal: AbortSignal): Promise<string>;
}

/** Input a tool cannot act on: the message says what to change. Thrown before any request. */
export class ToolInputError extends Error {
  override readonly name = 'ToolInputError';
}

/** A tool's answer as compact JSON: models read it reliably, and nothing is lost to wording. */
export function asJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => (field instanceof Date ? field.toISOString() : field));
}
