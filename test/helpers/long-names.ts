import type { OpenedDesk } from '../harness/open-desk'
import { SAMPLE_CUSTOMERS, seedCustomers } from './customer-seeds'

/** Names and values too long for their column at the default width: the grid must still let staff read them. */
export const LONG_NAME_CUSTOMERS = [
  {
    company: 'Société Générale Łódź Assurances Européennes',
    x360: { username: 'societe_generale_lodz_assurances', email: 'informatique@societe-generale-lodz.example', locations: 'Lodz, Paris' },
    nexetic: { userLicenses: '1200', extraStorage: '2500 TB', notifyUsers: 'backup@societe-generale-lodz.example', organizationName: 'Société Générale Łódź' },
  },
  {
    company: 'Müller & Söhne Gebäudetechnik GmbH & Co. KG',
    x360: { username: 'mueller_soehne_gebaeudetechnik', email: 'it@mueller-soehne.example', locations: 'Muenchen' },
  },
]

/** The eight samples and the two long names, listed in the page, with the first long name's detail open. */
export async function showLongNamesWithDetail({ page, desk }: OpenedDesk): Promise<void> {
  await seedCustomers(desk, [...SAMPLE_CUSTOMERS, ...LONG_NAME_CUSTOMERS])
  await page.reload()
  await page.getByText('10 of 10 customers').waitFor()
  await page.getByRole('row', { name: /^Société Générale/ }).click()
  await page.getByRole('region', { name: /^Details of Société Générale/ }).getByRole('listitem').first().waitFor()
}

/** The sizes the window allows that staff use most: its minimum, a small laptop, and its default. */
export const WINDOW_SIZES = [
  { width: 900, height: 600 },
  { width: 1024, height: 700 },
  { width: 1280, height: 820 },
] as const
