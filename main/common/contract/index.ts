import type { NamespaceApi } from './define'
import { accessLogChannels } from './access-log'
import { appChannels } from './app'
import { billingChannels } from './billing'
import { customerChannels } from './customers'
import { exportChannels } from './exports'
import { historyChannels } from './history'
import { licenseChannels } from './licenses'
import { lockChannels } from './lock'
import { maintenanceChannels } from './maintenance'
import { passwordHistoryChannels } from './password-history'
import { onboardingChannels } from './onboarding'
import type { SubscribeToDeskEvent } from './events'

/** The single source of truth for IPC: every namespace and channel that main, preload and page share. */
export const contract = {
  app: appChannels,
  customers: customerChannels,
  licenses: licenseChannels,
  history: historyChannels,
  exports: exportChannels,
  maintenance: maintenanceChannels,
  lock: lockChannels,
  accessLog: accessLogChannels,
  billing: billingChannels,
  passwordHistory: passwordHistoryChannels,
  onboarding: onboardingChannels,
}

export type Contract = typeof contract
export type NamespaceName = keyof Contract
export type DeskApi = { [N in NamespaceName]: NamespaceApi<Contract[N]> }
/** What the page finds on `window.desk`: the request methods, and `on` for main's events. */
export type DeskBridge = DeskApi & { on: SubscribeToDeskEvent }

/** The IPC channel name of one method; every channel shares the `desk:` prefix. */
export const channelName = (namespace: string, method: string): string => `desk:${namespace}.${method}`

export function allChannels(): { namespace: NamespaceName; method: string; name: string }[] {
  return (Object.keys(contract) as NamespaceName[]).flatMap((namespace) =>
    Object.keys(contract[namespace]).map((method) => ({ namespace, method, name: channelName(namespace, method) })),
  )
}

export type { ChannelSpec, RequestOf, ResponseOf } from './define'
export type { AppStatus, StoreStatus } from './app'
export type { AccessEntryView, AccessLogFilter, AccessLogPage, AccessLogSaved, ChainBreak, ChainBreakKind, ChainReport, ExposedCustomer } from './access-log'
export type { BillingAsOfView, BillingMonthView } from './billing'
export type { CustomerListItem } from './customers'
export type * from './exports'
export type * from './import-mapping'
export type { LockChangeAnswer, LockState, LockStatus, UnlockAnswer } from './lock'
export type { FollowUpState, PreviousPasswordInfo } from './password-history'
export type { BackupInfo, BackupList, KeychainReport, RestoreResult } from './maintenance'
export { deskEvents, eventChannelName, isDeskEventName, MENU_COMMANDS } from './events'
export type { DeskEventName, DeskEventPayload, EmitDeskEvent, MenuCommand, SubscribeToDeskEvent } from './events'
