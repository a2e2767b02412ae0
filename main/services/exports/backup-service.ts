import { randomUUID } from 'node:crypto'
import { open, readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { z } from 'zod'
import {
  BACKUP_PASSPHRASE_MIN_LENGTH,
  type BackupSaved,
  type DialogClosed,
  type RestoreDone,
  type RestoreOpened,
  type RestorePreview,
} from '../../common/contract/exports'
import { DeskFailure, invalidFields } from '../../common/desk-error'
import { errorCode } from '../atomic-file'
import { recordAfterSaving, type AccessLog } from '../access-log/access-log-service'
import type { CredentialVault } from '../credential-vault'
import type { CustomerStore } from '../customer-store'
import { deskDataSchema, type DeskData } from '../store-file'
import { CURRENT_SCHEMA_VERSION, migrate } from '../migrations'
import type { ExportWriter } from './atomic-file'
import { decryptBackup, encryptBackup, MAX_HEADER_BYTES, readBackupHeader, type BackupHeaderRead } from './backup-crypto'
import { BACKUP_EXTENSION, BACKUP_FILTERS, withExtension, type FileDialogs } from './file-dialogs'
import type { PendingTokens } from './pending-tokens'
import { passphraseWeakness } from './passphrase-strength'
import { planRestore, type RestorePlan } from './restore-plan'
import { previousPasswordsUndo, readPreviousPasswords } from './backup-previous-passwords'
import { dayStamp } from './selection'
import { holdsPassword } from '../../common/vendors/accounts'
import type { Customer } from '../../common/customer-model'
import { currentPasswordToken, REMOVAL_MARKER, settleCustomer } from '../password-staging'

const MAX_BACKUP_BYTES = 512 * 1024 * 1024

const RESTORED_BUT_NOT_SETTLED =
  'The backup was restored, but the keychain stopped answering before its passwords could be put in place. Unlock the keychain and restart MSP Customer Desk; it finishes them when it opens.'

const unreadable = (filePath: string): DeskFailure =>
  new DeskFailure('not-found', `"${basename(filePath)}" could not be read. It may have been moved, or you may not have permission to open it.`)
const tooLarge = (): DeskFailure => new DeskFailure('invalid', 'This file is far larger than a desk backup. Nothing was changed.')

/** The file's first bytes, enough for the header, and its size: opening a backup reads no more. */
async function readStart(filePath: string): Promise<{ start: Buffer; size: number }> {
  let handle
  try {
    handle = await open(filePath, 'r')
    const { size } = await handle.stat()
    if (size > MAX_BACKUP_BYTES) throw tooLarge()
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(Math.min(size, MAX_HEADER_BYTES)), position: 0 })
    return { start: buffer.subarray(0, bytesRead), size }
  } catch (error) {
    if (error instanceof DeskFailure) throw error
    throw unreadable(filePath)
  } finally {
    await handle?.close()
  }
}

async function readWhole(filePath: string): Promise<Buffer> {
  const size = await stat(filePath).then((info) => info.size, () => 0)
  if (size > MAX_BACKUP_BYTES) throw tooLarge()
  return readFile(filePath).catch(() => {
    throw unreadable(filePath)
  })
}

/** What a backup holds once decrypted: the desk's data and every password the keychain had for it. */
const payloadSchema = z.strictObject({
  desk: z.unknown(),
  passwords: z.record(z.string().max(100), z.string().max(1000)),
  /** The access log's text; backups made before the log existed have none. */
  accessLog: z.string().max(MAX_BACKUP_BYTES).optional(),
  /** Customer → history entry id → the password it set; absent in backups made before previous passwords were kept. */
  previousPasswords: z.record(z.string().max(100), z.record(z.string().max(100), z.string().max(1000))).optional(),
})
export interface BackupContents {
  desk: DeskData
  passwords: Record<string, string>
  accessLog: string | null
  previousPasswords: Record<string, Record<string, string>>
}

export interface PendingRestore {
  filePath: string
  /** Only the header is held: the body is read once the passphrase is right. */
  opened: BackupHeaderRead
  createdAt: string
  /** Set once the passphrase was right; held only until confirm, discard or expiry. */
  contents: BackupContents | null
}

export interface BackupDeps {
  store: CustomerStore
  vault: CredentialVault
  dialogs: FileDialogs
  now: () => Date
  pending: PendingTokens<PendingRestore>
  writer: ExportWriter
  /** The backup is recorded before it is written and carries the log; a restore brings the log back. */
  accessLog: Pick<AccessLog, 'record' | 'text' | 'restoreFrom'>
}

export function passphraseProblems(passphrase: string, confirmPassphrase: string): Record<string, string> | null {
  const length = [...passphrase].length
  if (length < BACKUP_PASSPHRASE_MIN_LENGTH) {
    return { passphrase: `The passphrase needs at least ${BACKUP_PASSPHRASE_MIN_LENGTH} characters (it has ${length}). A few unrelated words make a good one.` }
  }
  if (passphrase.trim() === '') return { passphrase: 'The passphrase cannot be only spaces.' }
  // The file holds every Vault password and can be attacked offline: a guessable passphrase is refused.
  const weakness = passphraseWeakness(passphrase)
  if (weakness) return { passphrase: weakness }
  if (confirmPassphrase !== passphrase) return { confirmPassphrase: 'The two passphrases do not match.' }
  return null
}

function readContents(plaintext: Buffer): BackupContents {
  const damaged = () => new DeskFailure('invalid', 'The backup decrypted, but its contents are not a desk this version understands. Nothing was changed.')
  let payload: z.infer<typeof payloadSchema>
  try {
    payload = payloadSchema.parse(JSON.parse(plaintext.toString('utf8')))
  } catch {
    throw damaged()
  }
  const version = typeof payload.desk === 'object' && payload.desk !== null ? (payload.desk as { schemaVersion?: unknown }).schemaVersion : undefined
  if (typeof version === 'number' && version > CURRENT_SCHEMA_VERSION) {
    throw new DeskFailure('invalid', 'This backup holds a desk from a newer version of MSP Customer Desk. Update the app to restore it; nothing was changed.')
  }
  const desk = deskDataSchema.safeParse(migrate(payload.desk))
  if (!desk.success) throw damaged()
  return { desk: desk.data, passwords: payload.passwords, accessLog: payload.accessLog ?? null, previousPasswords: payload.previousPasswords ?? {} }
}

const previewOf = (plan: RestorePlan, contents: BackupContents, createdAt: string): RestorePreview => ({
  createdAt,
  customers: contents.desk.customers.length,
  passwords: Object.keys(contents.passwords).length,
  add: plan.added.length,
  replace: plan.replaced.length,
  conflicts: plan.conflicts,
})

/** The whole desk, passwords included, to one encrypted file, and back. */
export function createBackupService({ store, vault, dialogs, now, pending, writer, accessLog }: BackupDeps) {
  const pendingRestore = (token: string): PendingRestore => {
    const entry = pending.get(token)
    if (!entry) throw new DeskFailure('not-found', 'This restore is no longer pending. Choose the backup file again.')
    return entry
  }

  /** After the customers are back: the backup's log (kept whole, see planLogRestore), then the restore's own entry. */
  async function restoreAccessLog(contents: BackupContents, entry: PendingRestore): Promise<void> {
    const saved = 'The backup was restored'
    let kept = ''
    if (contents.accessLog !== null) {
      try {
        const made = new Date(entry.createdAt)
        const { plan, keptAs } = await accessLog.restoreFrom(contents.accessLog, Number.isNaN(made.getTime()) ? now() : made)
        kept = plan === 'replace' ? '; its access log is now this desk’s' : keptAs ? `; its access log went a different way and was kept as ${keptAs}` : ''
      } catch (error) {
        const why = error instanceof DeskFailure ? error.message : `the file could not be written (${errorCode(error) ?? 'unknown error'})`
        throw new DeskFailure('internal', `${saved}, but its access log could not be put back: ${why}`)
      }
    }
    const detail = `${basename(entry.filePath)} of ${entry.createdAt}: ${contents.desk.customers.length} customers${kept}`
    await recordAfterSaving(accessLog.record, { action: 'restore', detail }, saved)
  }

  return {
    async create({ passphrase, confirmPassphrase }: { passphrase: string; confirmPassphrase: string }): Promise<DialogClosed | BackupSaved> {
      const problems = passphraseProblems(passphrase, confirmPassphrase)
      if (problems) throw invalidFields(problems)
      const date = now()
      const chosen = await dialogs.chooseSaveFile(`MSP Customer Desk backup ${dayStamp(date)}.${BACKUP_EXTENSION}`, BACKUP_FILTERS)
      if (chosen === null) return { kind: 'cancelled' }
      const filePath = withExtension(chosen, BACKUP_EXTENSION)
      const desk = structuredClone(store.data) as DeskData
      const passwords: Record<string, string> = {}
      const previousPasswords: Record<string, Record<string, string>> = {}
      for (const customer of desk.customers) {
        if (!holdsPassword(customer)) continue
        const password = await vault.readCustomerPassword(customer.id)
        if (password !== null) passwords[customer.id] = password
        const previous = await readPreviousPasswords(vault, customer)
        if (Object.keys(previous).length > 0) previousPasswords[customer.id] = previous
      }
      const detail = `${basename(filePath)}: ${desk.customers.length} customers, ${Object.keys(passwords).length} passwords`
      // Recorded first, so the backup carries its own entry; a backup the log could not record is not written.
      await accessLog.record({ action: 'backup', detail })
      const plaintext = Buffer.from(JSON.stringify({ desk, passwords, previousPasswords, accessLog: await accessLog.text() }), 'utf8')
      // Encrypted: even a temp file a crash left unnoted would reveal nothing, so a data folder that cannot take the note does not stop it.
      await writer.write(filePath, await encryptBackup(plaintext, passphrase, date), { secret: false })
      return { kind: 'saved', filePath, customers: desk.customers.length, passwords: Object.keys(passwords).length }
    },

    async open(): Promise<DialogClosed | RestoreOpened> {
      const filePath = await dialogs.chooseOpenFile(BACKUP_FILTERS)
      if (filePath === null) return { kind: 'cancelled' }
      const { start, size } = await readStart(filePath)
      const opened = readBackupHeader(start, size)
      const token = pending.put({ filePath, opened, createdAt: opened.header.createdAt, contents: null })
      return { kind: 'opened', token, filePath, createdAt: opened.header.createdAt }
    },

    /** Checks the passphrase and every byte of the file, then says what a restore would do; changes nothing. */
    async check({ token, passphrase }: { token: string; passphrase: string }): Promise<RestorePreview> {
      const entry = pendingRestore(token)
      if (passphrase === '') throw invalidFields({ passphrase: 'Enter the passphrase the backup was made with.' })
      entry.contents = readContents(await decryptBackup(entry.opened, passphrase, () => readWhole(entry.filePath)))
      return previewOf(planRestore(store.data.customers, entry.contents.desk.customers), entry.contents, entry.createdAt)
    },

    /**
     * Puts the backup's customers on the desk: new ids are added, known ids replaced, customers only on
     * this desk kept. Passwords go to the keychain first; if the store cannot be written they are put
     * back as they were, so the keychain and the store never disagree.
     */
    async confirm({ token }: { token: string }): Promise<RestoreDone> {
      const entry = pendingRestore(token)
      const contents = entry.contents
      if (!contents) throw new DeskFailure('invalid', 'Enter the backup’s passphrase first.', { passphrase: 'Enter the passphrase the backup was made with.' })
      if (store.status.kind === 'read-only') throw new DeskFailure('store-read-only', `Nothing can be restored: ${store.status.reason}`)
      const plan = planRestore(store.data.customers, contents.desk.customers)
      if (plan.conflicts.length > 0) {
        const names = plan.conflicts.map((conflict) => conflict.username).join(', ')
        throw new DeskFailure('conflict', `Customers on this desk use the same username as different customers in the backup (${names}). Rename or delete them here first; nothing was changed.`)
      }

      // As a password change does (password-staging.ts): each password waits staged under the token of the
      // history entry that set it, the store commits, then it is promoted. A crash before the commit leaves
      // the current entries as the store still has them; after it, opening the desk finishes the promotion.
      const staged: { id: string; token: string }[] = []
      let removals = 0
      const unnamed: { id: string; password: string }[] = []
      const previous = previousPasswordsUndo(vault)
      const fromBackup = (customer: Customer): Record<string, string> => contents.previousPasswords[customer.id] ?? {}
      try {
        for (const customer of contents.desk.customers) {
          const password = contents.passwords[customer.id]
          if (password === undefined || !holdsPassword(customer)) continue
          const passwordToken = currentPasswordToken(customer)
          // A hand-made file's customer whose history names no password: nothing to stage it under, so it is written after the commit.
          if (passwordToken === null) {
            unnamed.push({ id: customer.id, password })
            continue
          }
          await vault.stagePassword(customer.id, passwordToken, password)
          staged.push({ id: customer.id, token: passwordToken })
        }
        // A customer restored without the password's account keeps no password, as when it is removed in the editor.
        for (const customer of plan.replaced) {
          if (holdsPassword(customer)) continue
          const removal = randomUUID()
          await vault.stagePassword(customer.id, removal, REMOVAL_MARKER)
          staged.push({ id: customer.id, token: removal })
          removals += 1
        }
        for (const customer of contents.desk.customers) await previous.add(customer, fromBackup(customer))
        await store.mutate((data) => {
          const restored = new Map(contents.desk.customers.map((customer) => [customer.id, customer]))
          data.customers = [...data.customers.filter((customer) => !restored.has(customer.id)), ...restored.values()]
          const known = new Set(data.deletions.map((tombstone) => `${tombstone.customerId}@${tombstone.deletedAt}`))
          data.deletions.push(...contents.desk.deletions.filter((tombstone) => !known.has(`${tombstone.customerId}@${tombstone.deletedAt}`)))
        })
      } catch (error) {
        await previous.putBack()
        for (const { id, token: stagedToken } of staged) await vault.discardStagedPassword(id, stagedToken).catch(() => false)
        throw error
      }
      for (const customer of contents.desk.customers) await previous.dropUnnamed(customer, fromBackup(customer))
      try {
        for (const { id, token: stagedToken } of staged) await settleCustomer(store.data, vault, id, [stagedToken])
        for (const { id, password } of unnamed) await vault.storeCustomerPassword(id, password)
      } catch {
        throw new DeskFailure('keychain-unavailable', RESTORED_BUT_NOT_SETTLED)
      }
      pending.delete(token)
      await restoreAccessLog(contents, entry)
      return { added: plan.added.length, replaced: plan.replaced.length, passwords: staged.length - removals + unnamed.length }
    },
  }
}
