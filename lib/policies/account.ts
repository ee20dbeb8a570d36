/**
 * A one-time password past its expiry no longer signs anyone in; the administrator gives a new one.
 * (No expiry recorded: a one-time password given before expiries existed.)
 */
export function isOneTimePasswordExpired(user: { mustChangePassword: boolean; oneTimePasswordExpiresAt: Date | null }, now = new Date()): boolean {
  return user.mustChangePassword && user.oneTimePasswordExpiresAt !== null && user.oneTimePasswordExpiresAt.getTime() <= now.getTime();
}

/** Until the user has chosen their own password, only the password change (and sign-out) is open. */
export function mayUseApp(user: { mustChangePassword: boolean }): boolean {
  return !user.mustChangePassword;
}
