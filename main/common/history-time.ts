/** A history time in words that do not depend on the machine's time zone: "2026-11-23 10:05 UTC". */
export function formatUtc(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
