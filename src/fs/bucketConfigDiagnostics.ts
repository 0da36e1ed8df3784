import * as vscode from 'vscode';
import { parseConfig } from './bucketConfigDocument';
import { CONFIG_SCHEME, fromConfigUri } from './bucketConfigProvider';

/** Problems of an open CORS or lifecycle document, shown as the user types (the save refuses them too). */
export function watchBucketConfigDocuments(): vscode.Disposable {
  const diagnostics = vscode.languages.createDiagnosticCollection('r2-config');
  const check = (document: vscode.TextDocument) => {
    const location = document.uri.scheme === CONFIG_SCHEME ? fromConfigUri(document.uri) : undefined;
    if (!location) {
      return;
    }
    const parsed = parseConfig(location.kind, document.getText());
    diagnostics.set(
      document.uri,
      parsed.ok
        ? []
        : parsed.problems.map((problem) => {
            const start = document.positionAt(problem.offset);
            const diagnostic = new vscode.Diagnostic(
              new vscode.Range(start, document.lineAt(start.line).range.end),
              problem.message,
              vscode.DiagnosticSeverity.Error,
            );
            diagnostic.source = 'R2';
            return diagnostic;
          }),
    );
  };
  vscode.workspace.textDocuments.forEach(check);
  return vscode.Disposable.from(
    diagnostics,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((event) => check(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.delete(document.uri)),
  );
}
