export { formatWhen } from './history-format'
export { HistoryTimeline } from './HistoryTimeline'
