#!/usr/bin/env node
// `npm test`: type check, unit tests (node), component tests (jsdom), then browser tests
// (playwright-core + Debian's Chromium against the production build). Every stage runs even when
// an earlier one fails, so one run shows everything; the last line totals all of them.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const RESULTS = '.test-results'
rmSync(RESULTS, { recursive: true, force: true })
mkdirSync(RESULTS, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const lines = []

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`)
  return spawnSync(command, args, { stdio: 'inherit', env: process.env }).status ?? 1
}

/** A check that has no test count of its own (type check, build) counts as one. */
function check(name, command, args) {
  const ok = run(command, args) === 0
  record(name, ok ? 1 : 0, ok ? 0 : 1, 0)
  return ok
}

function vitestProject(project) {
  const out = `${RESULTS}/${project}.json`
  const status = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`])
  if (!existsSync(out)) {
    // Vitest stopped before running tests (for example, the browser suite's setup found no Chromium).
    record(`${project} tests`, 0, 1, 0, 'did not start, see the error above')
    return
  }
  const report = JSON.parse(readFileSync(out, 'utf8'))
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  let failed = report.numFailedTests ?? 0
  // Files that fail to load count as failures too.
  failed += (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length
  if (status !== 0 && failed === 0) failed = 1
  if (report.numTotalTests === 0) failed += 1 // a suite that ran nothing is not a pass
  record(`${project} tests`, report.numPassedTests ?? 0, failed, skipped)
}

function record(name, passed, failed, skipped, note = '') {
  totals.passed += passed
  totals.failed += failed
  totals.skipped += skipped
  lines.push(`${name.padEnd(18)} ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${note ? ` (${note})` : ''}`)
}

check('type check', 'npx', ['tsc'])
vitestProject('unit')
vitestProject('component')
if (check('production build', 'npx', ['vite', 'build', '--logLevel', 'warn'])) vitestProject('browser')
else record('browser tests', 0, 1, 0, 'not run: the build failed')

console.log('\nSummary')
for (const line of lines) console.log(`  ${line}`)
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`)
process.exit(totals.failed === 0 ? 0 : 1)
