// R2 for VS Code's agents: each AgentTool registered with vscode.lm, its input checked against the
// schema package.json declares for it (Ajv, so the schema is the one truth), while r2.tools.enabled.
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import * as vscode from 'vscode';
import { withAbortSignal } from '../cancellation';
import type { AgentTool, ToolServices } from './agentTool';
import { ToolInputError } from './agentTool';
import { describeFailure } from './toolFailures';
import { findKeysTool, headObjectTool, listBucketsTool, listObjectsTool, presignTool, readTextTool } from './readTools';
import { copyObjectTool, deleteObjectsTool, uploadFileTool, writeTextTool } from './writeTools';

export type { ToolServices } from './agentTool';

/** Every tool, in the order package.json declares them. */
const TOOLS: ReadonlyArray<AgentTool<never>> = [
  listBucketsTool,
  listObjectsTool,
  headObjectTool,
  readTextTool,
  findKeysTool,
  presignTool,
  uploadFileTool,
  writeTextTool,
  deleteObjectsTool,
  copyObjectTool,
];

interface ToolDeclaration {
  readonly name: string;
  readonly inputSchema: object;
}

/** What a log line may say about a call: never the input's text, nor a link it returns. */
export interface ToolLog {
  info(message: string): void;
}

function textResult(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}

/** The input as the schema allows it, or a ToolInputError naming the first field that is wrong. */
function checked<T>(validate: ValidateFunction, input: unknown): T {
  if (!validate(input)) {
    const [problem] = validate.errors ?? [];
    const field = problem?.instancePath ? `"${problem.instancePath.slice(1)}" ` : '';
    throw new ToolInputError(`the input does not fit the tool's schema: ${field}${problem?.message ?? 'invalid'}.`);
  }
  return input as T;
}

function languageModelTool<T>(
  tool: AgentTool<T>,
  schema: object,
  services: ToolServices,
  log: ToolLog,
): vscode.LanguageModelTool<T> {
  // Compiled on the first call: Ajv loads only when an agent uses a tool, not at activation.
  let compiled: ValidateFunction | undefined;
  const validate = (input: unknown) => checked<T>((compiled ??= new Ajv({ strict: false }).compile(schema)), input);
  return {
    prepareInvocation({ input }) {
      try {
        const valid = validate(input);
        return {
          invocationMessage: tool.invocationMessage(valid),
          confirmationMessages: tool.confirmation?.(valid, services),
        };
      } catch {
        // Nothing to confirm: invoke() answers with what is wrong and does nothing.
        return { invocationMessage: tool.name };
      }
    },
    async invoke({ input }, token) {
      log.info(`Agent tool ${tool.name} called`);
      try {
        return textResult(await withAbortSignal(token, (signal) => tool.run(validate(input), services, signal)));
      } catch (error) {
        const answer = describeFailure(error);
        log.info(`Agent tool ${tool.name}: ${answer}`);
        return textResult(answer);
      }
    },
  };
}

/** The registration, and the tools as VS Code calls them (the integration tests ask them what they would confirm). */
export interface AgentTools extends vscode.Disposable {
  readonly tools: ReadonlyMap<string, vscode.LanguageModelTool<unknown>>;
}

/** Registers every tool while r2.tools.enabled is on, and follows the setting. */
export function registerAgentTools(
  declarations: readonly ToolDeclaration[],
  services: ToolServices,
  log: ToolLog,
): AgentTools {
  const tools = TOOLS.map((tool) => {
    const declaration = declarations.find((each) => each.name === tool.name);
    if (!declaration) {
      throw new Error(`${tool.name} is not declared in package.json languageModelTools`);
    }
    return languageModelTool(tool, declaration.inputSchema, services, log);
  });
  let registered: vscode.Disposable[] = [];
  const update = () => {
    registered.forEach((registration) => registration.dispose());
    registered = [];
    if (!services.settings.get('tools.enabled', true)) {
      return;
    }
    registered = TOOLS.map((tool, index) => vscode.lm.registerTool(tool.name, tools[index]));
  };
  update();
  const watcher = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('r2.tools.enabled')) {
      update();
    }
  });
  return {
    tools: new Map(TOOLS.map((tool, index) => [tool.name, tools[index] as vscode.LanguageModelTool<unknown>])),
    dispose: () => {
      watcher.dispose();
      registered.forEach((registration) => registration.dispose());
    },
  };
}
