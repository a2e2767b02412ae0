#!/usr/bin/env node
// Runs Doyensec's electronegativity over the app's source (main/, preload/, renderer/ and package.json)
// and fails on any finding that test/tools/electronegativity-allow.json does not justify, on any entry
// there that no finding matches any more, and on a finding in code without an `electronegativity`
// comment just above it. Works offline: the check that downloads Electron's release list is left out
// (AvailableSecurityFixesGlobalCheck), and electronegativity-offline.mjs keeps the scanner off the network.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { findingFile } from './electronegativity-paths.mjs'

const root = resolve(import.meta.dirname, '../..')
const ALLOW_FILE = join(root, 'test/tools/electronegativity-allow.json')
const SCANNED = ['main', 'preload', 'renderer', 'package.json']
const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck']
const CODE_FILE = /\.(ts|tsx|js|mjs)$/

function scan(stage) {
  for (const part of SCANNED) cpSync(join(root, part), join(stage, part), { recursive: true })
  const report = join(stage, 'electronegativity.sarif')
  const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js')
  const offline = pathToFileURL(join(root, 'test/tools/electronegativity-offline.mjs')).href
  const run = spawnSync(process.execPath, ['--import', offline, cli, '-i', stage, '-o', report, '-r', '-x', OFFLINE_EXCLUDED.join(',')], { encoding: 'utf8' })
  if (run.status !== 0 || !existsSync(report)) {
    throw new Error(`electronegativity did not produce a report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`)
  }
  const sarif = JSON.parse(readFileSync(report, 'utf8'))
  return sarif.runs.flatMap((result) => result.results).map((result) => {
    const where = result.locations?.[0]?.physicalLocation
    const file = findingFile(where?.artifactLocation?.uri)
    const line = where?.region?.startLine ?? 0
    const lines = file !== 'N/A' && existsSync(join(stage, file)) ? readFileSync(join(stage, file), 'utf8').split('\n') : []
    return { check: result.ruleId, file, line, message: result.message?.text ?? '', code: (lines[line - 1] ?? '').trim(), above: lines.slice(Math.max(0, line - 4), line - 1).join('\n') }
  })
}

const matches = (entry, finding) => entry.check === finding.check && entry.file === finding.file && (!entry.code || finding.code.includes(entry.code))

function main() {
  const { allow } = JSON.parse(readFileSync(ALLOW_FILE, 'utf8'))
  const stage = mkdtempSync(join(tmpdir(), 'desk-electronegativity-'))
  let findings
  try {
    findings = scan(stage)
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }

  const problems = []
  for (const finding of findings) {
    const place = `${finding.check} at ${finding.file}:${finding.line}`
    const entry = allow.find((candidate) => matches(candidate, finding))
    if (!entry) problems.push(`not justified: ${place} — ${finding.message}\n    ${finding.code}`)
    else if (!entry.why?.trim()) problems.push(`justified without a reason: ${place}`)
    else if (CODE_FILE.test(finding.file) && !/electronegativity/i.test(finding.above)) {
      problems.push(`no "electronegativity" comment in the lines above ${place}: say briefly, in the code, why it is safe`)
    }
  }
  for (const entry of allow) {
    if (!findings.some((finding) => matches(entry, finding))) problems.push(`allow-list entry matches no finding any more (remove it): ${entry.check} in ${entry.file}`)
  }

  console.log(`electronegativity: ${findings.length} findings, ${findings.length - problems.filter((p) => p.startsWith('not justified')).length} justified in ${ALLOW_FILE.slice(root.length + 1)}`)
  for (const finding of findings) console.log(`  ${finding.check.padEnd(30)} ${finding.file}:${finding.line}`)
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
    return 1
  }
  return 0
}

process.exitCode = main()
