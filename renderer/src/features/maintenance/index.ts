export { MaintenanceButton } from './MaintenanceButton'
export { MaintenanceDialog } from './MaintenanceDialog'
export { formatBackupDay } from './maintenance-text'
