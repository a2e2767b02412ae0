import type PDFDocument from 'pdfkit'
import type { PaperSize } from '../../common/contract/exports'
import type { Customer } from '../../common/customer-model'
import { formatDate, type Locale } from '../../common/formats'
import { accountOf } from '../../common/vendors/accounts'
import { vendors } from '../../common/vendors/registry'
import { SHEET_FONT, type SheetFont } from './sheet-fonts'
import { onboardingSheetRows } from './sheet-onboarding'

type Doc = InstanceType<typeof PDFDocument>

/** What the sheet shows in the password row: left out (the default), the password, or that none is on record. */
export type SheetPassword = { kind: 'omitted' } | { kind: 'included'; password: string } | { kind: 'missing' }

export const PASSWORD_OMITTED_TEXT = 'Not printed on this sheet'
export const PASSWORD_MISSING_TEXT = 'Not on record: ask your service provider to set a new one'

export const PDF_PAGE_SIZE: Record<PaperSize, string> = { A4: 'A4', Letter: 'LETTER' }
export const PAGE_MARGIN = 56

const INK = '#1a1a1a'
const MUTED = '#5f6368'
const RULE = '#c8ccd0'
const NOTE_FILL = '#f1f3f4'
const LABEL_WIDTH = 150
const GAP = 8

/** When the sheet was made, and the locale its date and figures are written in (the desk's). */
export interface SheetMoment {
  date: Date
  locale: Locale
}

interface Row {
  label: string
  value: string
  /** At most this many lines, and never past the footer; longer values end in an ellipsis so that a customer always fits one page. */
  maxLines?: number
  font?: SheetFont
}

/** Draws one customer's sheet on the current (fresh) page of the document. */
export function drawCustomerSheet(doc: Doc, customer: Customer, { date, locale }: SheetMoment, password: SheetPassword, { includeOnboarding = false } = {}): void {
  const left = PAGE_MARGIN
  const width = doc.page.width - PAGE_MARGIN * 2
  let y = PAGE_MARGIN

  doc.font(SHEET_FONT.regular).fontSize(9).fillColor(MUTED)
  doc.text('CUSTOMER SHEET', left, y, { width, characterSpacing: 1.5, lineBreak: false })
  doc.text(`Prepared ${formatDate(date, locale)}`, left, y, { width, align: 'right', lineBreak: false })
  y += 22

  // A long company name gets a smaller type rather than losing its end.
  doc.font(SHEET_FONT.bold).fontSize(22).fillColor(INK)
  if (doc.heightOfString(customer.companyName, { width }) > doc.currentLineHeight(true) * 2) doc.fontSize(16)
  const titleHeight = Math.min(doc.heightOfString(customer.companyName, { width }), doc.currentLineHeight(true) * 3)
  doc.text(customer.companyName, left, y, { width, height: titleHeight, ellipsis: true })
  y += titleHeight + 12
  y = rule(doc, left, width, y) + 18

  // Before the vendors' parts, so a long Notify Users list cannot push the steps off the page.
  const onboarding = includeOnboarding ? onboardingSheetRows(customer, locale) : []
  if (onboarding.length > 0) {
    y = heading(doc, 'Onboarding steps', left, y)
    y = rows(doc, left, width, y, onboarding) + 14
  }

  // Each vendor's part in turn; the vendor that holds the password shows it (or says why not) after its own rows.
  for (const [index, vendor] of vendors().entries()) {
    if (index > 0) y += 22
    y = heading(doc, vendor.sheet.heading, left, y)
    const account = accountOf(customer, vendor)
    if (account === null) {
      y = plain(doc, vendor.sheet.none, left, width, y)
      continue
    }
    const list: Row[] = vendor.sheet.rows(account, locale).map(({ mono, ...row }) => (mono ? { ...row, font: SHEET_FONT.mono } : row))
    if (vendor.password) list.push(passwordRow(password))
    y = rows(doc, left, width, y, list)
    if (vendor.sheet.note) y = note(doc, vendor.sheet.note, left, width, y + 4)
  }

  footer(doc, password.kind === 'included' ? 'This sheet holds a password: keep it somewhere safe and do not share it.' : 'Keep this sheet for your records.')
}

function passwordRow(password: SheetPassword): Row {
  if (password.kind === 'included') return { label: 'Password', value: password.password, font: SHEET_FONT.mono }
  return { label: 'Password', value: password.kind === 'omitted' ? PASSWORD_OMITTED_TEXT : PASSWORD_MISSING_TEXT, font: SHEET_FONT.oblique }
}

function rule(doc: Doc, left: number, width: number, y: number): number {
  doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.75).strokeColor(RULE).stroke()
  return y
}

function heading(doc: Doc, text: string, left: number, y: number): number {
  doc.font(SHEET_FONT.bold).fontSize(13).fillColor(INK).text(text, left, y, { lineBreak: false })
  return y + 24
}

function plain(doc: Doc, text: string, left: number, width: number, y: number): number {
  doc.font(SHEET_FONT.oblique).fontSize(11).fillColor(MUTED).text(text, left, y, { width })
  return y + doc.heightOfString(text, { width })
}

function rows(doc: Doc, left: number, width: number, top: number, list: Row[]): number {
  const valueLeft = left + LABEL_WIDTH + 10
  const valueWidth = width - LABEL_WIDTH - 10
  let y = top
  for (const row of list) {
    doc.font(SHEET_FONT.regular).fontSize(10).fillColor(MUTED)
    const labelHeight = doc.heightOfString(row.label, { width: LABEL_WIDTH })
    doc.text(row.label, left, y + 1, { width: LABEL_WIDTH })
    doc.font(row.font ?? SHEET_FONT.regular).fontSize(11).fillColor(row.font === SHEET_FONT.oblique ? MUTED : INK)
    const cap = Math.min(doc.currentLineHeight(true) * (row.maxLines ?? 2) + 1, contentBottom(doc) - y)
    const valueHeight = Math.min(doc.heightOfString(row.value, { width: valueWidth }), cap)
    doc.text(row.value, valueLeft, y, { width: valueWidth, height: valueHeight, ellipsis: true })
    y += Math.max(labelHeight, valueHeight) + GAP
  }
  return y
}

function note(doc: Doc, text: string, left: number, width: number, y: number): number {
  const pad = 10
  doc.font(SHEET_FONT.regular).fontSize(10)
  const height = doc.heightOfString(text, { width: width - pad * 2 }) + pad * 2
  doc.rect(left, y, width, height).fill(NOTE_FILL)
  doc.fillColor(INK).text(text, left + pad, y + pad, { width: width - pad * 2 })
  return y + height
}

const footerTop = (doc: Doc): number => doc.page.height - 40
/** Where the page's content must stop: above the footer's rule. */
const contentBottom = (doc: Doc): number => footerTop(doc) - 20

function footer(doc: Doc, text: string): void {
  const width = doc.page.width - PAGE_MARGIN * 2
  const y = footerTop(doc)
  rule(doc, PAGE_MARGIN, width, y - 8)
  // Written inside the bottom margin on purpose: lifting the margin stops pdfkit from starting a new page.
  const bottom = doc.page.margins.bottom
  doc.page.margins.bottom = 0
  doc.font(SHEET_FONT.regular).fontSize(8.5).fillColor(MUTED).text(text, PAGE_MARGIN, y, { width, lineBreak: false })
  doc.page.margins.bottom = bottom
}
