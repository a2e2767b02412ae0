import { createDesk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'
import { createMemoryClipboard } from '../../main/services/secret-clipboard'
import { formOf } from './billing-ops'

async function call<T>(desk: Awaited<ReturnType<typeof createDesk>>, channel: string, payload: unknown): Promise<T> {
  const result = await dispatch(desk.handlers, channel, payload)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as T
}

/**
 * Three months of one small desk, written through the real services with the clock set to each
 * moment (UTC, mid-day, so every local day of Europe and the Americas is the same day):
 * November 2026 has a customer whose licenses went up and down, one new and one deleted.
 */
export async function writeBillingHistory(dataDir: string, keychainService: string): Promise<void> {
  let clock = Date.parse('2026-10-01T12:00:00.000Z')
  const desk = await createDesk({ dataDir, keychainService, clipboard: createMemoryClipboard(), now: () => new Date(clock) })
  try {
    const at = (iso: string) => {
      clock = Date.parse(iso)
    }
    const create = (name: string, nexetic: Parameters<typeof formOf>[1]) => call<{ id: string }>(desk, 'desk:customers.create', { form: formOf(name, nexetic), confirmDuplicateCompany: false })
    const gone = await create('Gone Ltd', { licenses: 5, storage: 100, type: 'Azure (Ireland)' })
    await create('Fabrikam Inc', null)
    at('2026-10-15T12:00:00.000Z')
    const contoso = await create('Contoso Ltd', { licenses: 20, storage: 500, type: 'Azure (Ireland)' })
    at('2026-11-05T12:00:00.000Z')
    await call(desk, 'desk:licenses.change', { id: contoso.id, userLicenses: '30', extraStorage: '500', reason: 'New office' })
    at('2026-11-10T12:00:00.000Z')
    await create('Northwind Traders', { licenses: 12, storage: 0, type: 'Finnish S3 Storage' })
    at('2026-11-15T12:00:00.000Z')
    await call(desk, 'desk:customers.delete', { id: gone.id })
    at('2026-11-20T12:00:00.000Z')
    await call(desk, 'desk:licenses.change', { id: contoso.id, userLicenses: '25', extraStorage: '500', reason: '=HYPERLINK("http://x")' })
    at('2026-12-01T12:00:00.000Z')
    await create('December Co', { licenses: 3, storage: 0, type: 'Azure (Ireland)' })
  } finally {
    await desk.close()
  }
}
