import tseslint from 'typescript-eslint';
import noTextKeyedLookup from './eslint-rules/no-text-keyed-lookup.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'pkg/', '.astro/', 'site/.astro/', 'bench/.work/', 'scratch-*', 'reports/', '.stryker-tmp/', '.stryker-tmp-*/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    // the code that handles text from servers and users: no lookups by that text into plain objects
    files: ['crawler/**/*.ts', 'classifier/**/*.ts', 'scan/**/*.ts', 'bin/**/*.ts', 'site/src/**/*.ts', 'data/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { toolrisk: { rules: { 'no-text-keyed-lookup': noTextKeyedLookup } } },
    rules: { 'toolrisk/no-text-keyed-lookup': 'error' },
  },
);
