import { build } from 'esbuild'

const bundles = new Map<string, Promise<string>>()

/** Bundles a TypeScript file into one script for `addInitScript`, once per file and process. */
export function pageScript(entry: string): Promise<string> {
  let bundle = bundles.get(entry)
  if (!bundle) {
    bundle = build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120' }).then(
      (result) => result.outputFiles[0]?.text ?? '',
    )
    bundles.set(entry, bundle)
  }
  return bundle
}
