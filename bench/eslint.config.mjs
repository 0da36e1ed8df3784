// ESLint finds the config nearest to each file, so bench/ has its own: the project's rules for src
// and test, applied to the bench's TypeScript, and its compiled output left alone.
import root from '../eslint.config.mjs';

const typed = root.find((block) => block.files?.includes('src/**/*.ts'));

export default [
  { ignores: ['out/**', 'results/**'] },
  ...root.filter((block) => block !== typed && !block.files?.some((pattern) => pattern.startsWith('src/'))),
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: typed.rules,
  },
];
