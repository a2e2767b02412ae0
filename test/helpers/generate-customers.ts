import type { Customer, HistoryEntry } from '../../main/common/customer-model'
import { STORAGE_TYPES } from '../../main/common/vendors/nexetic/subscription'
import type { DeskData } from '../../main/services/store-file'
import { CURRENT_SCHEMA_VERSION } from '../../main/services/migrations'

/** A small seeded PRNG (mulberry32): the same seed gives the same customers on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = ['Contoso', 'Fabrikam', 'Northwind', 'Adventure', 'Tailspin', 'Litware', 'Proseware', 'Wingtip', 'Woodgrove', 'Alpine', 'Coho', 'Lucerne', 'Margie', 'Humongous', 'Trey', 'Blue', 'Yonder', 'Fourth', 'Graphic', 'Relecloud']
const SUFFIXES = ['Ltd', 'GmbH', 'Oy', 'AB', 'BV', 'Inc', 'LLC', 'SA', 'Partners', 'Group']
const SITES = ['HQ', 'DR_Site', 'Branch_North', 'Branch_South', 'Warehouse', 'Lab', 'Office_2', 'Datacenter']
const NOTES = ['', '', 'Prefers calls in the morning.', 'Contract renews in March; check storage before renewal.', 'Main contact is the office manager.', 'Migrated from the old backup vendor in 2024.']
const REASONS = ['', 'Customer asked for more seats', 'New office opened', 'Storage nearly full', 'Annual review']

/** Deterministic ids shaped like UUIDs, so the file has the real size. */
function makeId(random: () => number): string {
  const hex = () => Math.floor(random() * 16).toString(16)
  const part = (n: number) => Array.from({ length: n }, hex).join('')
  return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`
}

/** `count` realistic customers (both services, locations, history), the same for the same seed. */
export function generateCustomers(count: number, seed = 20261123): DeskData {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const start = Date.parse('2021-01-01T00:00:00.000Z')
  const customers: Customer[] = []
  for (let index = 0; index < count; index += 1) {
    const word = pick(WORDS)
    const companyName = `${word} ${pick(WORDS)} ${pick(SUFFIXES)} ${index}`
    const slug = `${word.toLowerCase()}${index}`
    const createdMs = start + Math.floor(random() * 4 * 365 * 86_400_000)
    const at = (offsetDays: number) => new Date(createdMs + offsetDays * 86_400_000).toISOString()
    const kind = random()
    const hasX360 = kind < 0.7
    const hasNexetic = kind > 0.3
    const history: HistoryEntry[] = [{ id: makeId(random), at: at(0), field: 'customer', from: null, to: 'created', reason: null }]
    let licenses = 5 + Math.floor(random() * 200)
    let storage = Math.floor(random() * 20) * 100
    const changes = Math.floor(random() * 8)
    for (let change = 1; change <= changes && hasNexetic; change += 1) {
      const field = random() < 0.5 ? 'nexetic.userLicenses' : 'nexetic.extraStorageGb'
      const from = field === 'nexetic.userLicenses' ? licenses : storage
      const to = from + 1 + Math.floor(random() * 50)
      if (field === 'nexetic.userLicenses') licenses = to
      else storage = to
      history.push({ id: makeId(random), at: at(change * 30), field, from: String(from), to: String(to), reason: pick(REASONS) || null })
    }
    const locations = SITES.slice(0, 1 + Math.floor(random() * 4))
    customers.push({
      id: makeId(random),
      companyName,
      notes: pick(NOTES),
      createdAt: at(0),
      updatedAt: at(changes * 30),
      x360: hasX360 ? { username: `${slug}_backup`, email: `it@${slug}.example.com`, locations, passwordSetAt: at(0) } : null,
      nexetic: hasNexetic
        ? {
            organizationName: companyName,
            domain: random() < 0.7 ? `${slug}.onmicrosoft.com` : null,
            userLicenses: licenses,
            extraStorageGb: storage,
            notifyUsers: [`it@${slug}.example.com`, ...(random() < 0.4 ? [`backup@${slug}.example.com`] : [])],
            storageType: pick(STORAGE_TYPES),
          }
        : null,
      history,
    })
  }
  return { schemaVersion: CURRENT_SCHEMA_VERSION, customers, deletions: [] }
}
