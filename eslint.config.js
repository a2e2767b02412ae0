import js from '@eslint/js'
import { builtinModules } from 'node:module'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// The folder says which runtime a file runs in, as VS Code's layers do; each rule below names what a layer may not reach.
// Exact package names (a regex, not a glob: a glob `events` would also refuse a local './events').
const packages = (names) => `^(${names.join('|')})(/.*)?$`
const nodeOrElectron = { regex: `^node:|${packages(['electron', 'keytar', 'lowdb', ...builtinModules.filter((name) => !name.includes('/'))])}` }

// The page and the preload may use only main's pure `common/` code.
const pageMayNotImport = [
  { group: ['**/main/*', '!**/main/common', '**/main/common/../*'], message: 'The page and the preload may import only main/common (the contract and the pure rules).' },
  { ...nodeOrElectron, message: 'No Node or Electron in the page.' },
]

// A feature is used through its index.ts, so what it keeps inside its folder can change without touching another feature.
const featureFromOutside = { regex: '(^|/)features/[^/]+/.', message: "Import a feature through its public entry ('features/name'), adding the export to its index.ts." }
const featureFromFeature = { regex: '^\\.\\./[^./][^/]*/.', message: "Import another feature through its public entry ('../other-feature'), adding the export to its index.ts." }

// main/common is shared with the page, so it stays pure: no Node, no Electron, no keychain or file store, and no climbing out
// into the rest of main (which would bring them in). How many `../` leave the folder depends on the file's depth.
const commonMayNotImport = (depth) => [
  { ...nodeOrElectron, message: 'main/common is shared with the page: no Node, Electron, keytar or lowdb here.' },
  { regex: `^(\\.\\./){${depth + 1}}`, message: 'main/common may import only main/common and pure packages.' },
]

// Electron stays in the thin layer (main/electron/ and main/index.ts), so everything else in main runs and is tested in plain Node.
const mainMayNotImport = [{ regex: packages(['electron']), message: 'Electron only in main/electron/ and main/index.ts: keep this a plain function and pass it what it needs.' }]

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
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: mainMayNotImport }] },
  },
  ...[0, 1, 2].map((depth) => ({
    files: [`main/common/${'*/'.repeat(depth)}*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: commonMayNotImport(depth) }] },
  })),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', { patterns: [...pageMayNotImport, featureFromOutside] }] },
  },
  {
    files: ['renderer/src/features/*/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...pageMayNotImport, featureFromOutside, featureFromFeature] }] },
  },
  {
    files: ['preload/desk-api.ts', 'preload/desk-events.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: pageMayNotImport }] },
  },
)
