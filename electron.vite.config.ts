import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      // lowdb and steno are ESM-only and small: bundle them so main loads with no resolution surprises.
      externalizeDeps: { exclude: ['lowdb', 'steno'] },
      rolldownOptions: { input: { index: resolve('main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be CommonJS; it imports only the contract, so bundle everything.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
})
