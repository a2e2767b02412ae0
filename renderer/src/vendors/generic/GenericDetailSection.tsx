import { DetailField } from '../../components/DetailField'
import type { VendorDetailSectionProps } from '../screens'

/** A detail section for a vendor with no section of its own: its list columns, each with Copy. */
export function GenericDetailSection({ vendor, account, onCopy }: VendorDetailSectionProps) {
  return (
    <dl className="detail-fields">
      {[...vendor.columns, ...(vendor.laterColumns ?? [])].map((column) => (
        <DetailField key={column.header} label={column.header} value={String(column.read(account))} onCopy={onCopy} />
      ))}
    </dl>
  )
}
