// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Folders that must never reach into the server or the database (the dependency rule in docs/architecture.md). */
const serverOnly = ['**/server/**', 'kysely', 'pg', 'pg-copy-streams', '@electric-sql/pglite', 'fastify', 'node:*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/common/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: serverOnly }] },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: serverOnly }],
    },
  },
  {
    // SQL lives only in repositories, migrations and the db folder.
    files: ['src/server/**/*.routes.ts', 'src/server/**/*.service.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['kysely', 'pg', '@electric-sql/pglite'], allowTypeImports: true, message: 'Query the database from a *.repo.ts file.' }] }],
    },
  },
);
