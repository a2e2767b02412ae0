import { registerVendor } from '../../../main/common/vendors/registry'
import { coveVendor } from './definition'

// Imported first by a test file, before any module builds its schemas from the registry.
registerVendor(coveVendor)
