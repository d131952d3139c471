// ESLint (npm run lint): the recommended rules of ESLint and typescript-eslint, type-aware for the
// TypeScript (recommendedTypeChecked, through tsconfig.json), syntactic for the JavaScript files
// (bin/, scripts/*.mjs, the config files), which no tsconfig covers. No stylistic rules.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // What git ignores (dist/, site/, ...); src/render/precompiled.ts is a source file, which the bundle replaces in memory only.
  includeIgnoreFile(fileURLToPath(new URL('.gitignore', import.meta.url))),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Text is checked for control characters on purpose (safe-text.ts, plain-text.ts and their tests).
      'no-control-regex': 'off',
      // An async function without an await is how a synchronous step (a read, a cache lookup) meets
      // an async interface and still rejects rather than throws: the project reader, the cache, the checker.
      '@typescript-eslint/require-await': 'off',
      // `const { omitted: _omitted, ...rest } = x` is how a property is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['bin/**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    // CommonJS on purpose (bin/package.json): starting the CLI needs no ES module loader.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/model/messages.ts'],
    rules: {
      // The message templates interpolate a finding's params, typed as one union (Params) of every param's type; each template knows its own.
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
);
