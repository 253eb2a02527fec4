// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The one file allowed to call shell.openExternal (it applies the allow-list first). */
const openExternalWrapper = 'src-main/shell/open-in-browser.ts';
const electronAllowed = [
  'src-main/shell/**',
  'src-main/index.ts',
  'src-preload/**',
  'tests/unit/shell/**',
  'tests/unit/preload/**',
  'tests/electron/**',
];

const openExternalBans = [
  {
    selector: "MemberExpression[property.name='openExternal']",
    message: `Open external URLs only through ${openExternalWrapper}, which applies the allow-list.`,
  },
  {
    selector: "MemberExpression[computed=true][property.value='openExternal']",
    message: `Open external URLs only through ${openExternalWrapper}, which applies the allow-list.`,
  },
];

const textBans = [
  {
    // An English sentence would reach a Chinese-speaking merchant as is; INTERNAL errors are never shown.
    selector:
      "NewExpression[callee.name='AppError'][arguments.0.value!='INTERNAL'][arguments.1.type=/^(Literal|TemplateLiteral|BinaryExpression)$/]",
    message:
      "Give AppError a text from your domain's texts.ts (new AppError(code, myTexts.name(params))) so the UI can translate it.",
  },
  {
    selector: "CallExpression[callee.name='defineTexts']",
    message: 'Declare texts only in src-main/<domain>/texts.ts, where the translation test finds them.',
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core stays plain Node: only the thin shell and the preload may import electron.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: electronAllowed,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only src-main/shell/, src-main/index.ts and src-preload/ may import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: [openExternalWrapper, 'tests/**'],
    rules: { 'no-restricted-syntax': ['error', ...openExternalBans] },
  },
  {
    // Texts a merchant reads are keys the renderer translates (docs/ARCHITECTURE.md §2, "Texts from main").
    files: ['src-main/**/*.ts'],
    ignores: [openExternalWrapper, 'src-main/sandbox/**'],
    rules: { 'no-restricted-syntax': ['error', ...openExternalBans, ...textBans] },
  },
  {
    files: ['src-main/**/texts.ts'],
    rules: { 'no-restricted-syntax': ['error', ...openExternalBans] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.shopmesh.' }],
          patterns: [
            {
              group: ['node:*', '**/src-main/**'],
              message: 'The renderer cannot use Node or main-process code.',
            },
          ],
        },
      ],
    },
  },
);
