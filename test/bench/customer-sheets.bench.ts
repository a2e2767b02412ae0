import { createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import PDFDocument from 'pdfkit'
import type { JobProgress, SheetStarted } from '../../main/common/contract/exports'
import { call, exportingDesk } from './bench-desk'
import { measurePair, type Bench } from './bench-kit'

const SHEETS = 100
/** How often the bench asks for the job's progress (the page asks less often): small beside the job. */
const POLL_MS = 1

/**
 * Customer sheets for 100 customers as one PDF, through the handler table: the job started, then
 * asked for its progress until it is done (one page per customer: headings, every field, the Vault
 * note; no passwords). Floor: pdfkit writing 100 pages to a file with only each company's name on
 * its page — what any PDF of 100 named pages costs with this library.
 */
export const customerSheets: Bench = {
  name: 'customer sheets (PDF)',
  async run(context) {
    const desk = await exportingDesk(context)
    try {
      const customerIds = context.data.customers.slice(0, SHEETS).map((customer) => customer.id)
      const names = context.data.customers.slice(0, SHEETS).map((customer) => customer.companyName)
      let floorFile = 0
      const { value, floorValue } = await measurePair(
        context.runs,
        async () => {
          const started = await call<SheetStarted>(desk, 'desk:exports.sheetStart', { customerIds, paperSize: 'A4' })
          let progress: JobProgress
          do {
            await sleep(POLL_MS)
            progress = await call<JobProgress>(desk, 'desk:exports.progress', { jobId: started.jobId })
          } while (progress.state === 'running')
          if (progress.state !== 'done' || progress.done !== SHEETS) throw new Error(`the sheets job ended ${progress.state} after ${progress.done} of ${SHEETS}`)
          if ((await stat(progress.filePath)).size === 0) throw new Error('the sheets file is empty')
        },
        async () => {
          floorFile += 1
          const doc = new PDFDocument({ size: 'A4', autoFirstPage: false })
          const output = createWriteStream(join(context.dir, `floor-${floorFile}.pdf`))
          doc.pipe(output)
          for (const name of names) doc.addPage().font('Helvetica-Bold').fontSize(22).text(name)
          doc.end()
          await finished(output)
        },
      )
      return [
        { name: `customer sheets (PDF) for ${SHEETS} customers, job to completion`, value, floorName: `pdfkit: ${SHEETS} pages, the company name only, to a file`, floorValue, target: 'informative', met: true },
      ]
    } finally {
      await desk.close()
    }
  },
}
