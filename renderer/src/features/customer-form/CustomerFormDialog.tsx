import { AddCompanyForm } from '../customers/AddCompanyForm'
import { useDesk } from '../../store/desk-context'

/** The create/edit customer form (placeholder until the full form lands: company name only). */
export function CustomerFormDialog() {
  const editor = useDesk((state) => state.editor)
  const closeEditor = useDesk((state) => state.closeEditor)
  if (!editor) return null
  return <AddCompanyForm onDone={closeEditor} />
}
