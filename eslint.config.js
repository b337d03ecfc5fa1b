// ESLint: typescript-eslint's recommended rules, plus the project's one architectural rule:
// only src/cli.ts prints or exits (the library reports; the command line talks).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'src/generated/**', 'node_modules/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli.ts', 'src/cli/**'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'json-rules-engine',
              message: 'Only src/rules/engine.ts uses json-rules-engine.',
            },
            {
              name: 'ajv',
              message:
                'Validators are precompiled (npm run generate): ajv is not loaded at run time.',
              allowTypeImports: true,
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'Only src/cli.ts exits.' },
        { object: 'process', property: 'stdout', message: 'Only src/cli.ts prints.' },
        { object: 'process', property: 'stderr', message: 'Only src/cli.ts prints.' },
        { object: 'process', property: 'exitCode', message: 'Only src/cli.ts exits.' },
      ],
    },
  },
  {
    // The package's bin, a CommonJS script that starts the bundle.
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', __dirname: 'readonly', Buffer: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The adapter: the one module that imports json-rules-engine.
    files: ['src/rules/engine.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
