/** A cell without a value: a dash to the eye, "None" to a screen reader. */
export function NoneValue() {
  return (
    <>
      <span className="none-value" aria-hidden="true">
        —
      </span>
      <span className="visually-hidden">None</span>
    </>
  )
}
