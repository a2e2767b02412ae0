// Child process for the access log's crash test: opens the store and the log and records entries
// forever, printing "ack <seq>" after each append has resolved, until the parent kills it.
// Usage: node --import tsx access-log-writer.ts <data folder>
import { join } from 'node:path'
import { createAccessLog } from '../../main/services/access-log/access-log-service'
import { CustomerStore, STORE_FILE_NAME } from '../../main/services/customer-store'
import { createExportWriter } from '../../main/services/exports/atomic-file'
import { noFileDialogs } from '../../main/services/exports/file-dialogs'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: access-log-writer.ts <data folder>')
const store = await CustomerStore.open(join(dataDir, STORE_FILE_NAME))
const log = createAccessLog({ store, now: () => new Date(), dialogs: noFileDialogs, writer: createExportWriter(dataDir), emit: () => {} })
let seq = (await log.list({ limit: 1 })).entries[0]?.seq ?? 0
process.stdout.write('ready\n')
for (let round = 1; ; round += 1) {
  // Now one entry, now a batch of three (a sheet of several customers), so a kill can land inside either.
  const batch = round % 2 === 0 ? 3 : 1
  await log.record(Array.from({ length: batch }, (_, index) => ({ action: 'password-reveal' as const, customerId: `customer-${round}-${index}`, companyName: `Crash Test ${round}` })))
  seq += batch
  process.stdout.write(`ack ${seq}\n`)
}
