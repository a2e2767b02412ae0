import type { Customer } from '../../main/common/customer-model'
import type { CustomerForm } from '../../main/common/customer-form'
import type { NexeticForm } from '../../main/common/vendors/nexetic/subscription'
import type { X360Form } from '../../main/common/vendors/x360/account'
import type { Desk } from '../../main/desk'
import { dispatch } from '../../main/ipc/handler-table'

/** A password that meets the policy, for seeded x360Recover accounts. */
export const SEED_PASSWORD = 'Vault-Pass-2026!'

interface SeedInput {
  company: string
  notes?: string
  x360?: { username: string; email: string; locations: string }
  nexetic?: Partial<NexeticForm> & { userLicenses: string; notifyUsers: string }
}

export function seedForm(input: SeedInput): CustomerForm {
  const x360: X360Form | null = input.x360 ? { ...input.x360, password: SEED_PASSWORD, confirmPassword: SEED_PASSWORD } : null
  const nexetic: NexeticForm | null = input.nexetic
    ? { organizationName: '', domain: '', extraStorage: '0', storageType: 'Azure (Ireland)', ...input.nexetic }
    : null
  return { companyName: input.company, notes: input.notes ?? '', x360, nexetic }
}

/** Creates customers through the real handler table (rules, store and keychain), as the page would. */
export async function seedCustomers(desk: Desk, inputs: SeedInput[]): Promise<Customer[]> {
  const created: Customer[] = []
  for (const input of inputs) {
    const result = await dispatch(desk.handlers, 'desk:customers.create', { form: seedForm(input), confirmDuplicateCompany: true })
    if (!result.ok) throw new Error(`Seeding ${input.company} failed: ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`)
    created.push(result.value as Customer)
  }
  return created
}

/** Eight realistic customers of both kinds, for the list tests and the screenshots. */
export const SAMPLE_CUSTOMERS: SeedInput[] = [
  {
    company: 'Contoso Ltd',
    notes: 'Main contact: Aoife Byrne (IT manager). Renewal in March.',
    x360: { username: 'contoso_backup', email: 'it@contoso.com', locations: 'Dublin_HQ, Cork_Branch' },
    nexetic: { domain: 'contoso.onmicrosoft.com', userLicenses: '45', extraStorage: '2048', notifyUsers: 'it@contoso.com; alerts@contoso.com' },
  },
  {
    company: 'Fabrikam Inc',
    x360: { username: 'fabrikam_dr', email: 'servicedesk@fabrikam.example', locations: 'Helsinki, Espoo_Lab' },
  },
  {
    company: 'Northwind Traders',
    nexetic: { domain: 'northwindtraders.com', userLicenses: '12', extraStorage: '500', notifyUsers: 'admin@northwindtraders.com', storageType: 'Finnish S3 Storage' },
  },
  {
    company: 'Alpine Ski House',
    x360: { username: 'alpine_ski', email: 'office@alpineskihouse.example', locations: 'Innsbruck' },
    nexetic: { domain: 'alpineskihouse.com', userLicenses: '8', extraStorage: '250', notifyUsers: 'office@alpineskihouse.example' },
  },
  {
    company: 'Tailspin Toys',
    nexetic: { userLicenses: '120', extraStorage: '5120', notifyUsers: 'backup@tailspintoys.example; cto@tailspintoys.example', storageType: 'Finnish S3 Storage' },
  },
  {
    company: 'Woodgrove Bank',
    x360: { username: 'woodgrove_vault', email: 'security@woodgrovebank.example', locations: 'London_DC1, London_DC2, Leeds' },
  },
  {
    company: 'Litware Oy',
    x360: { username: 'litware', email: 'tuki@litware.example', locations: 'Tampere' },
    nexetic: { domain: 'litware.fi', userLicenses: '30', extraStorage: '1536', notifyUsers: 'tuki@litware.example', storageType: 'Finnish S3 Storage' },
  },
  { company: 'Coho Winery', notes: 'Quote sent; services not set up yet.' },
]
