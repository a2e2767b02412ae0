import type { AccessLog } from './access-log-service'

/** The `accessLog` namespace: the log's views for the page; recording is main's alone. */
export function accessLogChannels(log: AccessLog) {
  return {
    list: log.list,
    verify: log.verify,
    exportCsv: log.exportCsv,
    exposedSinceChanged: log.exposedSinceChanged,
  }
}
