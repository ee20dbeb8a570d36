import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The user's sessionVersion when the session began; a password change makes older ones invalid. */
    sv?: number;
    /** The identity provider (its slug) the session began at, if any. */
    idp?: string;
    /** That provider's ID token, for its logout (id_token_hint). */
    idt?: string;
  }
}
