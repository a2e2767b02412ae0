export { AccessLogSection } from './AccessLogSection'
export { CustomerAccessLog } from './CustomerAccessLog'
export { ExposedSinceChanged } from './ExposedSinceChanged'
