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
  }
}
