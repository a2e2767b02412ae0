import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import PDFDocument from 'pdfkit'
import type { EmitDeskEvent } from '../../common/contract'
import type { DialogClosed, JobProgress, PaperSize, SheetStarted } from '../../common/contract/exports'
import type { Customer } from '../../common/customer-model'
import { DeskFailure } from '../../common/desk-error'
import type { CredentialVault } from '../credential-vault'
import type { CustomerStore } from '../customer-store'
import type { RecordAccess } from '../access-log/access-log-service'
import type { ExportWriter } from './atomic-file'
import { PDF_FILTERS, safeFileName, withExtension, type FileDialogs } from './file-dialogs'
import { dayStamp, pickCustomers } from './selection'
import { drawCustomerSheet, PAGE_MARGIN, PDF_PAGE_SIZE, type SheetPassword } from './sheet-page'
import { registerSheetFonts } from './sheet-fonts'
import { holdsPassword } from '../../common/vendors/accounts'

export interface SheetRequest {
  customerIds: string[]
  paperSize: PaperSize
  includePasswords: boolean
  confirmIncludePasswords: boolean
  includeOnboarding?: boolean
}

export interface SheetJobDeps {
  store: CustomerStore
  vault: CredentialVault
  dialogs: FileDialogs
  now: () => Date
  report: (error: unknown) => void
  /** The locale of the sheet's date and figures. */
  locale?: string
  /** Tells the page how far a job is, so it never has to ask on a timer. */
  emit: EmitDeskEvent
  writer: ExportWriter
  /** Each printed password is recorded before the file is written; a sheet the log could not record is not saved. */
  recordAccess: RecordAccess
}

interface Job {
  progress: JobProgress
  cancelRequested: boolean
  finished: Promise<void>
}

/** About this many progress events per job however long it is: enough for a smooth bar, few enough for IPC. */
const PROGRESS_EVENTS_PER_JOB = 100

/** Finished jobs are kept a while so the page can still read how they ended. */
const FINISHED_JOBS_KEPT = 20

export const PASSWORDS_NEED_CONFIRMATION =
  'The sheets will show each customer’s Vault password in clear text. Anyone who sees the paper or the file can log into the Vault. Confirm to include the passwords.'

/** Customer sheets as one PDF, one page per customer, made in the background with progress and cancel. */
export function createSheetJobs({ store, vault, dialogs, now, report, locale, emit, writer, recordAccess }: SheetJobDeps) {
  const jobs = new Map<string, Job>()

  const find = (jobId: string): Job => {
    const job = jobs.get(jobId)
    if (!job) throw new DeskFailure('not-found', 'This export is no longer known to the desk; start it again if you still need it.')
    return job
  }

  const forgetOldJobs = (): void => {
    const finished = [...jobs.entries()].filter(([, job]) => job.progress.state !== 'running')
    for (const [jobId] of finished.slice(0, Math.max(0, finished.length - FINISHED_JOBS_KEPT))) jobs.delete(jobId)
  }

  const passwordFor = async (customer: Customer, include: boolean): Promise<SheetPassword> => {
    if (!include || !holdsPassword(customer)) return { kind: 'omitted' }
    const password = await vault.readCustomerPassword(customer.id)
    return password === null ? { kind: 'missing' } : { kind: 'included', password }
  }

  const announce = (job: Job): void => emit('exports.sheetProgress', { ...job.progress })

  async function run(job: Job, customers: Customer[], request: SheetRequest, date: Date): Promise<void> {
    // The page gets its job id before any work starts, so a cancel can always arrive in time.
    await nextTurn()
    try {
      await draw(job, customers, request, date)
    } finally {
      announce(job)
    }
  }

  async function draw(job: Job, customers: Customer[], request: SheetRequest, date: Date): Promise<void> {
    const announceEvery = Math.max(1, Math.ceil(customers.length / PROGRESS_EVENTS_PER_JOB))
    try {
      const doc = new PDFDocument({
        size: PDF_PAGE_SIZE[request.paperSize],
        margin: PAGE_MARGIN,
        autoFirstPage: false,
        info: { Title: customers.length === 1 ? `Customer sheet: ${customers[0]?.companyName ?? ''}` : 'Customer sheets', Creator: 'MSP Customer Desk' },
      })
      registerSheetFonts(doc)
      // Made in memory, never streamed to a file: a crash or a kill during the job leaves nothing on disk.
      const chunks: Buffer[] = []
      doc.on('data', (chunk: Buffer) => chunks.push(chunk))
      const ended = new Promise<void>((resolve) => doc.once('end', () => resolve()))
      const printed: Customer[] = []
      for (const customer of customers) {
        if (job.cancelRequested) break
        const password = await passwordFor(customer, request.includePasswords)
        if (password.kind === 'included') printed.push(customer)
        doc.addPage()
        drawCustomerSheet(doc, customer, { date, locale }, password, { includeOnboarding: request.includeOnboarding ?? false })
        job.progress.done += 1
        if (job.progress.done % announceEvery === 0 && job.progress.done < customers.length) announce(job)
        await nextTurn()
      }
      if (job.cancelRequested) {
        job.progress.state = 'cancelled'
        return
      }
      doc.end()
      await ended
      const detail = `Sheet ${basename(job.progress.filePath)}`
      await recordAccess(printed.map((customer) => ({ action: 'password-print' as const, customerId: customer.id, companyName: customer.companyName, detail })))
      await writer.write(job.progress.filePath, Buffer.concat(chunks), { secret: request.includePasswords })
      job.progress.state = 'done'
    } catch (error) {
      job.progress.state = 'failed'
      if (error instanceof DeskFailure) {
        job.progress.message = error.message
      } else {
        report(error)
        job.progress.message = 'The sheets could not be made. Nothing was saved; please try again.'
      }
    }
  }

  return {
    async start(request: SheetRequest): Promise<DialogClosed | SheetStarted> {
      if (request.includePasswords && !request.confirmIncludePasswords) {
        throw new DeskFailure('needs-confirmation', PASSWORDS_NEED_CONFIRMATION, { includePasswords: PASSWORDS_NEED_CONFIRMATION })
      }
      // A snapshot: edits made while the job runs do not mix two versions of a customer into one file.
      const customers = structuredClone(pickCustomers(store.data.customers, request.customerIds))
      const date = now()
      const first = customers[0]
      const suggested =
        customers.length === 1 && first
          ? `Customer sheet - ${safeFileName(first.companyName)} - ${dayStamp(date)}.pdf`
          : `Customer sheets (${customers.length}) - ${dayStamp(date)}.pdf`
      const chosen = await dialogs.chooseSaveFile(suggested, PDF_FILTERS)
      if (chosen === null) return { kind: 'cancelled' }
      const filePath = withExtension(chosen, 'pdf')
      const jobId = randomUUID()
      const job: Job = {
        progress: { jobId, state: 'running', done: 0, total: customers.length, filePath, message: null },
        cancelRequested: false,
        finished: Promise.resolve(),
      }
      jobs.set(jobId, job)
      job.finished = run(job, customers, request, date)
      forgetOldJobs()
      return { kind: 'started', jobId, total: customers.length, filePath }
    },

    progress({ jobId }: { jobId: string }): JobProgress {
      return { ...find(jobId).progress }
    },

    /** A job that already finished is reported as it ended; a cancelled one wrote nothing. */
    async cancel({ jobId }: { jobId: string }): Promise<JobProgress> {
      const job = find(jobId)
      job.cancelRequested = true
      await job.finished
      return { ...job.progress }
    },

    /** On quit: running jobs stop and write nothing. */
    async dispose(): Promise<void> {
      const running = [...jobs.values()].filter((job) => job.progress.state === 'running')
      for (const job of running) job.cancelRequested = true
      await Promise.all(running.map((job) => job.finished))
    },
  }
}

export type SheetJobs = ReturnType<typeof createSheetJobs>
