export { LockControls } from './LockControls'
export { LockGate } from './LockGate'
