import tseslint from 'typescript-eslint';

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
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/r2/*'], message: 'Import from src/r2 (its index), which is loaded on first use.' },
            { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only src/r2 talks to the AWS SDK.' },
          ],
        },
      ],
    },
  },
);
