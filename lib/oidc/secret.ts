import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "../env.ts";

// Identity providers' client secrets are kept encrypted in the database (AES-256-GCM), under a key
// derived from NEXTAUTH_SECRET: a copy of the database alone does not give them away. A changed
// NEXTAUTH_SECRET makes them unreadable; the administrator then enters them again.

const VERSION = "v1";

function key(secret = env().NEXTAUTH_SECRET): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "samrad", "identity-provider client secret", 32));
}

export function sealClientSecret(plain: string, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** The plain secret, or null when it was sealed under another key (or altered). */
export function openClientSecret(sealed: string, secret?: string): string | null {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
