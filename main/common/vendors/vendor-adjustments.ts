import type { HistoryEntry } from '../customer-model'
import type { Locale } from '../formats'
import type { DeskErrorCode } from '../result'

/**
 * Figures of a vendor's account that change month to month, each change with a reason, in the licence
 * editor (Nexetic's User Licenses and Extra Storage). The desk's service, contract and page are built
 * from this; the vendor keeps its rules and its words.
 */
export interface VendorAdjustments<Account> {
  /** The editor's figures, in the order it shows them. */
  readonly figures: readonly AdjustedFigure<Account>[]
  /** The portal's rules on what was typed, by input name; the values by figure field. */
  check(form: AdjustmentForm): AdjustmentCheck
  /** The difference before saving, one line per figure that changes. */
  describe(account: Account, values: AdjustmentValues, locale?: Locale): { changed: boolean; lines: readonly string[] }
  nothingChanged(account: Account, locale?: Locale): string
  /** Whether one history entry of the customer can be undone, and to which value; `field` is the history's (`<key>.<field>`). */
  checkUndo(subject: AdjustmentSubject<Account>, entryId: string, locale?: Locale): AdjustmentUndo
  /** The reason recorded with an undo. */
  undoReason(entry: Pick<HistoryEntry, 'at'>): string
  readonly texts: AdjustmentTexts
}

export interface AdjustedFigure<Account> {
  /** The editor's input and the change request's field (`extraStorage`). */
  readonly input: string
  /** The account's field, and the history's after the vendor key (`extraStorageGb`). */
  readonly field: string
  /** The portal's label ("Extra Storage"). */
  readonly label: string
  readonly hint: string
  /** A whole number typed on a numeric keyboard; otherwise units may be typed too (2 TB). */
  readonly numeric?: boolean
  read(account: Account): number
  write(account: Account, value: number): void
  show(value: number, locale?: Locale): string
}

/** The editor's inputs exactly as typed, by input name. */
export type AdjustmentForm = Readonly<Record<string, string | undefined>>
/** The checked figures, by figure field. */
export type AdjustmentValues = Readonly<Record<string, number>>
export type AdjustmentCheck = { ok: true; values: AdjustmentValues } | { ok: false; fields: Record<string, string> }

export interface AdjustmentSubject<Account> {
  /** The vendor's account of the customer; null when it no longer has one. */
  account: Account | null
  history: readonly HistoryEntry[]
}

export type AdjustmentUndo =
  | { ok: true; entry: HistoryEntry; field: string; current: number; restore: number }
  | { ok: false; code: DeskErrorCode; message: string }

export interface AdjustmentTexts {
  /** The row's button and its tooltip ("Change licenses and storage"). */
  readonly action: string
  editorTitle(companyName: string): string
  /** What main answers for a customer without the account. */
  readonly noAccount: string
  /** What the editor shows instead of its form for such a customer. */
  editorNoAccount(companyName: string): string
  /** The list's notice when L is pressed on such a customer. */
  listNoAccount(companyName: string): string
}
