export { MaintenanceButton } from './MaintenanceButton'
export { MaintenanceDialog } from './MaintenanceDialog'
