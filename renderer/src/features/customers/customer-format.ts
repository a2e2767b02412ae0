import { TB_IN_GB } from '../../../../main/common/portal-rules'

const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const upToTwoDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** Storage as staff read it: GB below 1 TB, TB (up to two decimals) from 1024 GB. */
export function formatStorage(gb: number): string {
  if (gb >= TB_IN_GB) return `${upToTwoDecimals.format(gb / TB_IN_GB)} TB`
  return `${wholeNumber.format(gb)} GB`
}

/** The exact figure next to a rounded TB value, e.g. "1.46 TB (1,500 GB)". */
export function formatStorageExact(gb: number): string {
  return gb >= TB_IN_GB ? `${formatStorage(gb)} (${wholeNumber.format(gb)} GB)` : formatStorage(gb)
}

export function formatCount(value: number): string {
  return wholeNumber.format(value)
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}

export function formatDate(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date)
}
