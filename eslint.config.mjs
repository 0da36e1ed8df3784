import tseslint from 'typescript-eslint';

// Import rules by layer. One rule option replaces another for a file rather than adding to it, so
// each layer's list is built from these pieces.
const lazyR2 = { group: ['**/r2/*'], message: 'Import from src/r2 (its index), which is loaded on first use.' };
const awsSdk = { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only src/r2 talks to the AWS SDK.' };
const operationsEntry = { group: ['**/operations/*'], message: 'Import from src/operations (its index): the modules behind it are its own.' };
const noVscode = (layer) => ({ name: 'vscode', message: `${layer} must not depend on VS Code.` });

// The calls that put something on the screen or ask the user: only src/ui makes them (through the
// UserInterface port), so tests can script every prompt and see every message.
const screenCalls = 'show\\w*|createQuickPick|createInputBox|withProgress|setStatusBarMessage';
const screenMessage = 'Show messages, prompts, dialogs and progress through the UserInterface port (src/ui), not vscode.window.';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      curly: 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Test fixtures that VS Code loads as they are, unbuilt: CommonJS extensions.
    files: ['test/**/fixtures/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The S3 layer stays usable (and testable) outside VS Code.
    files: ['src/r2/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'src/r2 must not depend on VS Code.' }] },
      ],
    },
  },
  {
    // The S3 layer is a bundle of its own, loaded on first use (esbuild.mjs): the rest of the
    // extension reaches it only through its index, and the AWS SDK only through it.
    files: ['src/**/*.ts'],
    ignores: ['src/r2/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [lazyR2, awsSdk] }],
    },
  },
  {
    // The screens reach the operations through their public entry only.
    files: ['src/commands/**/*.ts', 'src/tree/**/*.ts', 'src/ui/**/*.ts', 'src/tools/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [lazyR2, awsSdk, operationsEntry] }],
    },
  },
  {
    // Operations know no screen: no VS Code, no commands, tree or UI (the message texts excepted),
    // so the same work serves a command, a sync or a language-model tool.
    files: ['src/operations/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noVscode('src/operations')],
          patterns: [
            lazyR2,
            awsSdk,
            { group: ['**/commands/*', '**/commands', '**/tree/*', '**/tree'], message: 'Operations return outcomes; commands present them and the tree listens for changes.' },
            { group: ['**/ui/*', '!**/ui/messages'], message: 'Operations ask through an Asker and report through a Reporter, never the UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/ui/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        // vscode.window.showQuickPick(…), and window.showQuickPick(…) after `import { window }`.
        { selector: `MemberExpression[object.property.name='window'][property.name=/^(${screenCalls})$/]`, message: screenMessage },
        { selector: `MemberExpression[object.name='window'][property.name=/^(${screenCalls})$/]`, message: screenMessage },
        { selector: "MemberExpression[object.property.name='clipboard'][property.name='writeText']", message: 'Write the clipboard through the UserInterface port (src/ui).' },
      ],
    },
  },
);
