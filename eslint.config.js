// @ts-check
import tseslint from 'typescript-eslint';

const layer = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group, message })) }];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/build/**', '**/dist/**', '**/test-artifacts/**', 'data/**', 'docs/**', '**/migrations/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string-literal union from an `as const` array.' },
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through config/load.ts.' },
      ],
    },
  },
  // Dependency order: core ← protocol ← {server, cli}; nothing imports server but the CLI's admin commands.
  { files: ['packages/core/**/*.ts'], rules: { 'no-restricted-imports': layer([['@tandem/*', 'zod', 'drizzle-orm', 'fastify']], 'core is pure: no I/O, no dependencies.') } },
  { files: ['packages/nlu/src/**/*.ts'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': layer([['@tandem/protocol', '@tandem/server', '@tandem/server/*', '@tandem/cli', 'node:*']], 'nlu is pure: it depends on core only and does no I/O.') } },
  { files: ['packages/protocol/**/*.ts'], rules: { 'no-restricted-imports': layer([['@tandem/server', '@tandem/server/*', '@tandem/cli']], 'protocol depends on core only.') } },
  // The widget ships to browsers: types from protocol only (a value import would bundle zod).
  {
    files: ['packages/widget/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['@tandem/protocol'], allowTypeImports: true, message: 'Import protocol types only: values would bundle zod.' },
          { group: ['zod', '@tandem/server', '@tandem/server/*', '@tandem/cli', 'node:*'], message: 'The widget runs in browsers.' },
        ],
      }],
    },
  },
  { files: ['packages/server/**/*.ts'], rules: { 'no-restricted-imports': layer([['@tandem/cli'], ['@tandem/*/src/*']], 'no deep imports; server never imports the CLI.') } },
  // The places that legitimately read the environment: the entry points and test harnesses.
  {
    files: ['packages/cli/src/index.ts', 'packages/server/test/**', 'packages/server/bench/**', 'packages/cli/bench/**', 'packages/server/scripts/**', 'scripts/**', '**/*.test.ts'],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
