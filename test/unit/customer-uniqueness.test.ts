import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, test } from 'node:test'
import { findUsernameOwner, usernameOwners, usernameTakenMessage } from '../../main/common/customer-uniqueness'
import { customerGone, DeskFailure } from '../../main/common/desk-error'

const holder = (id: string, companyName: string, username: string | null) => ({ id, companyName, x360: username === null ? null : { username } })
const customers = [holder('a', 'Contoso', 'Contoso_01'), holder('b', 'Fabrikam', null), holder('c', 'Northwind', 'northwind')]

describe('findUsernameOwner', () => {
  test('finds the customer holding the username, ignoring case', () => {
    assert.equal(findUsernameOwner('contoso_01', customers)?.companyName, 'Contoso')
    assert.equal(findUsernameOwner('NORTHWIND', customers)?.companyName, 'Northwind')
  })
  test('excludes the customer being edited, which may keep its own username', () => {
    assert.equal(findUsernameOwner('CONTOSO_01', customers, 'a'), undefined)
    assert.equal(findUsernameOwner('contoso_01', customers, 'c')?.id, 'a')
  })
  test('skips customers with no x360Recover account and answers nothing for a free username', () => {
    assert.equal(findUsernameOwner('fabrikam', customers), undefined)
    assert.equal(findUsernameOwner('contoso_02', customers), undefined)
  })
})

describe('usernameOwners', () => {
  test('answers as findUsernameOwner does, the first holder included when two share one', () => {
    const twice = [...customers, holder('d', 'Contoso Ltd', 'CONTOSO_01')]
    const owner = usernameOwners(twice)
    for (const username of ['contoso_01', 'Northwind', 'fabrikam', 'nobody']) assert.equal(owner(username), findUsernameOwner(username, twice))
    assert.equal(owner('contoso_01')?.id, 'a')
  })
})

describe('the messages', () => {
  test('a taken username names the username as typed and the company that holds it', () => {
    assert.equal(usernameTakenMessage('Contoso_01', 'Contoso'), 'The Customer Username "Contoso_01" is already used by Contoso.')
  })
  test('a customer that has gone is a not-found failure with one wording', () => {
    const failure = customerGone()
    assert.ok(failure instanceof DeskFailure)
    assert.deepEqual(failure.toDeskError(), { code: 'not-found', message: 'This customer no longer exists; it may have been deleted.' })
  })
})

/** Each cross-customer message is written in one module; a copy anywhere else in the source would drift from it. */
const ONE_HOME: readonly { text: string; home: string }[] = [
  { text: 'is already used by', home: 'main/common/customer-uniqueness.ts' },
  { text: 'This customer no longer exists', home: 'main/common/desk-error.ts' },
]

async function sourceFiles(root: string): Promise<string[]> {
  const found: string[] = []
  for (const folder of ['main', 'preload', 'renderer']) {
    const entries = await readdir(join(root, folder), { withFileTypes: true, recursive: true })
    for (const entry of entries) if (entry.isFile() && /\.(ts|tsx)$/.test(entry.name)) found.push(relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
  }
  return found
}

test('each cross-customer message is written only in its own module', async () => {
  const root = join(import.meta.dirname, '..', '..')
  const files = await sourceFiles(root)
  assert.ok(files.length > 50, `only ${files.length} source files found under ${root}`)
  const texts = new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(root, file), 'utf8')] as const)))
  for (const { text, home } of ONE_HOME) {
    const holders = files.filter((file) => texts.get(file)?.includes(text))
    assert.deepEqual(holders, [home], `"${text}" should be written only in ${home}`)
  }
})
