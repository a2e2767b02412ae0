import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// The folder says which runtime a file runs in; the page and the preload may use only main's pure `common/` code.
const pageMayNotImport = {
  patterns: [
    { group: ['**/main/*', '!**/main/common', '**/main/common/../*'], message: 'The page and the preload may import only main/common (the contract and the pure rules).' },
    { group: ['electron', 'node:*', 'fs', 'path', 'child_process', 'keytar', 'lowdb', 'lowdb/*'], message: 'No Node or Electron in the page.' },
  ],
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', pageMayNotImport] },
  },
  {
    files: ['preload/desk-api.ts', 'preload/desk-events.ts'],
    rules: { 'no-restricted-imports': ['error', pageMayNotImport] },
  },
)
