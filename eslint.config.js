// Lint rules CI runs (`npm run lint`): the recommended sets of ESLint and typescript-eslint, with the
// few choices this code base makes written out and explained.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '**/dist/',
      'data/',
      'tests/artifacts/',
      'bench/out/',
      'bench/corpus/',
      '.scratch/',
      'neo4j-launcher/target/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a parameter kept for its position (a callback's signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Tests read GraphQL answers as the JSON they are; typing every answer would restate the schema.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
