import type { z } from 'zod'
import type { BillingVendor } from '../billing/billing-vendor'
import type { Locale } from '../formats'
import type { OnboardingStep } from '../onboarding-model'
import type { PortalForm } from '../portal-fill'
import type { VendorAdjustments } from './vendor-adjustments'

/**
 * Everything the desk knows about one backup vendor. A customer holds each vendor's account under the
 * vendor's key (`null` when it does not buy that service), and everything that goes over the services
 * (the form check, history, list columns, import, exports, totals, sheets, keychain, backup) loops over
 * the registry's definitions rather than naming a vendor. Field names are the vendor's own (`username`);
 * the desk prefixes them with the key (`x360.username`) wherever a message or a history entry names one.
 */
export interface VendorDefinition<Account = unknown, Draft = unknown, Form = unknown, Totals = unknown> {
  /** The customer's field, the prefix of its form fields and history entries: never change it once files exist. */
  readonly key: string
  /** The origins of the vendor's portals, the only web sites a link in the app may open (https, exact origin). */
  readonly portals: readonly string[]
  /** The portal's name of the service, as the form's section is labelled ("x360Recover"). */
  readonly name: string
  /** What the account is called in the history ("x360Recover account"). */
  readonly accountLabel: string
  /** The form section's switch, in the portal's words, and where in the portal the same fields are. */
  readonly section: { label: string; detail: string; removeWarning: string }
  /** The stored account; the password itself never is. */
  readonly accountSchema: z.ZodObject
  /** The form exactly as typed: strings only, bounded, so nothing typed is lost when it is rejected. */
  readonly formSchema: z.ZodObject
  /** The form of a customer that does not have the service yet; a field may start from the company name. */
  emptyForm(companyName: string): Form
  /** The saved account as the strings the user would have typed. */
  formOf(account: Account): Form
  /** The portal's rules, messages keyed by the vendor's form field (`username`). */
  checkForm(form: Form, context: VendorFormContext): VendorFormCheck<Draft>
  /** What the form makes of a stored account, to compare it with an edit. */
  draftOf(account: Account): Draft
  /** Rules an edit of an existing account must keep (the Storage Type is set once), messages keyed by form field. */
  checkEdit?(previous: Account, draft: Draft): Record<string, string>
  /** The stored account of a checked form; `passwordSetAt` is when a new password was set now, else null. */
  toAccount(draft: Draft, previous: Account | null, passwordSetAt: string | null): Account
  /** The fields the history records, in order, with the portal's labels. */
  readonly history: readonly TrackedField<Draft>[]
  /** The list export's columns (and the import's), before the Notes column. */
  readonly columns: readonly VendorColumn<Account>[]
  /** Columns exported after the Notes column (times): never imported. */
  readonly laterColumns?: readonly VendorColumn<Account>[]
  /** Other headers an import accepts for a field, lower case (a portal's own export label). */
  readonly importAliases?: readonly (readonly [header: string, formField: string])[]
  /** Form fields an import's mapping may fill with one value for every row (never the login or the password). */
  readonly importDefaultable?: readonly string[]
  /** The import's form of a row, from the cells by form field; null when none of its cells is filled. */
  importForm(cell: (formField: string) => string): Form | null
  /** Cells an import cannot put into the form as they are, with the message; the form's own message for that field is not repeated. */
  importProblems?(cell: (formField: string) => string): Record<string, string>
  /** A form field the page fills in from the company name until the user edits it (the Organization name). */
  readonly companyNameField?: string
  /** The list's sortable values of the account, by the list's sort column. */
  readonly sortKeys?: Readonly<Record<string, (account: Account) => string | number>>
  /** What the search box finds the customer by, besides the company name. */
  searchText(account: Account): readonly string[]
  /** The invoice figures over the customers that have the service. */
  readonly totals: { empty(): Totals; add(totals: Totals, account: Account): void }
  /** The customer sheet's part. */
  readonly sheet: { heading: string; none: string; rows(account: Account, locale: Locale): SheetRow[]; note?: string }
  /** Set for the vendor whose account has the customer's one keychain password. */
  readonly password?: VendorPassword<Account>
  /** Notes the form, detail and import show (the Direct-to-Cloud billing note, the locked Storage Type; importNeeds: what an import file may lack). */
  readonly notes?: Readonly<Record<string, string>>
  /** The portal's own form for a new customer, field by field in its order, for the fill-in panel. */
  portalForm?(account: Account, companyName: string): PortalForm
  // Billing as of a date and month by month.
  /** Set for a vendor billed on figures its history records: the Billing view gives it its own section. */
  readonly billing?: BillingVendor
  // Onboarding.
  /** The vendor's document's steps for after the customer is created, in its order; none when it has no such document. */
  readonly onboarding?: readonly OnboardingStep<Account>[]
  // Licence editor:
  /** Figures of the account changed month to month with a reason in the licence editor (User Licenses, Extra Storage). */
  readonly adjustments?: VendorAdjustments<Account>
}

/** A definition with its own types erased, as the registry holds it. */
export type AnyVendor = VendorDefinition<any, any, any, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export interface VendorFormContext {
  /** On create, and when the account is added to an existing customer, a password vendor requires one. */
  requirePassword: boolean
  /** The form as the page shows it (see FormContext). */
  organizationNameShown?: boolean
  /** The company name as checked; '' when it is itself in error. */
  companyName: string
}

export interface VendorFormCheck<Draft> {
  /** Null when a field the account needs is in error. */
  draft: Draft | null
  fields: Record<string, string>
  /** The new password, when the vendor holds one and it was typed. */
  password: string | null
}

export interface TrackedField<Draft> {
  /** The vendor's field name; the history entry is `<key>.<field>`. */
  field: string
  label: string
  read(draft: Draft): string | null
  /** How a recorded value is shown, when not as written (storage in GB and TB). */
  show?(value: string, locale?: Locale): string
}

export interface VendorColumn<Account> {
  header: string
  /** The vendor's form field an import fills from this column; null for a column an import ignores. */
  formField: string | null
  width: number
  read(account: Account): string | number
}

export interface SheetRow {
  label: string
  value: string
  maxLines?: number
  mono?: boolean
}

export interface VendorPassword<Account> {
  /** The form fields of the password and its confirmation. */
  field: string
  confirmField: string
  /** The history's label of a password change. */
  label: string
  /** The account's login, which no two customers share (the Customer Username), and its form field. */
  username(account: Account): string
  usernameField: string
  /** When the password was last set. */
  setAt(account: Account): string | null
  setAtHeader: string
  // The password features (credentials panel, Change Password, follow-up, previous passwords, keychain check): the vendor's words.
  /** The account with its article, as a sentence says it ("with an x360Recover account"). */
  anAccount: string
  /** Where in the vendor's portal the same password is set ("x360Recover Licensing Portal"). */
  portalName: string
  /** What the customer does with the login, shown with the credentials and on the sheet. */
  loginNote: string
  /** The checklist after a change, in the vendor's own words; empty when the portal needs nothing more. */
  changeSteps: readonly PasswordChangeStep[]
  /** Whose words the steps are ("Axcient’s help centre"). */
  changeStepsSource: string
}

/** One step to do in the vendor's portal after the desk's Change Password, as a box the user ticks. */
export interface PasswordChangeStep {
  /** Stable: recorded in the history with each tick; never reuse one for another step. */
  id: string
  /** The tick box's label, and the text the history shows for the tick. */
  label: string
  /** What the vendor's help says about it, in a sentence. */
  detail: string
  /** The help article the step is taken from. */
  source: { title: string; url: string }
}
