import { formats } from '../../formats'
import { passwordAgeText } from './password-age-text'

/** The Vault password's age beside the credentials: "Password set 94 days ago (Feb 27, 2026)". */
export function PasswordAge({ setAt }: { setAt: string | null }) {
  if (!setAt) return null
  const age = passwordAgeText(setAt, new Date())
  return (
    <p className="password-age">
      Password <strong>{age}</strong> ({formats.date(setAt)})
    </p>
  )
}
