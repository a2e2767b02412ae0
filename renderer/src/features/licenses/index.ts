export { DeletionLog } from './DeletionLog'
export { HistoryTimeline } from './HistoryTimeline'
export { LicenseEditor } from './LicenseEditor'
export { TotalsPanel } from './TotalsPanel'
