import { createRequire } from 'node:module'

const requireFromHere = createRequire(import.meta.url)
const fontFile = (name: string): string => requireFromHere.resolve(`dejavu-fonts-ttf/ttf/${name}`)

/**
 * The sheet's typefaces. PDF's built-in Helvetica covers only Western European letters, and customers
 * are named in Polish, Czech, Greek or Cyrillic too, so the sheet embeds DejaVu (subset by pdfkit).
 */
export const SHEET_FONT = { regular: 'Sheet', bold: 'Sheet-Bold', oblique: 'Sheet-Oblique', mono: 'Sheet-Mono' } as const
export type SheetFont = (typeof SHEET_FONT)[keyof typeof SHEET_FONT]

export function registerSheetFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(SHEET_FONT.regular, fontFile('DejaVuSans.ttf'))
  doc.registerFont(SHEET_FONT.bold, fontFile('DejaVuSans-Bold.ttf'))
  doc.registerFont(SHEET_FONT.oblique, fontFile('DejaVuSans-Oblique.ttf'))
  doc.registerFont(SHEET_FONT.mono, fontFile('DejaVuSansMono-Bold.ttf'))
}
