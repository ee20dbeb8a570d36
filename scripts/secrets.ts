// The secrets a self-hosted install keeps beside its database (./data), made once on first use.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";

function secretFile(name: "NEXTAUTH_SECRET" | "AUDIT_SECRET", file: string, what: string) {
  if (process.env[name]) return;
  mkdirSync("data", { recursive: true });
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log(`Generated ${what} in ${file} (set ${name} to use your own).`);
  }
  chmodSync(file, 0o600);
  process.env[name] = readFileSync(file, "utf8").trim();
}

/** Sets NEXTAUTH_SECRET and AUDIT_SECRET from ./data unless the environment has them. */
export function loadDataSecrets(opts: { session: boolean }) {
  if (opts.session) secretFile("NEXTAUTH_SECRET", "data/.nextauth-secret", "a session secret");
  // Keys the audit chains (README "Audit trail"); keep it apart from the database and its backups.
  secretFile("AUDIT_SECRET", "data/.audit-secret", "an audit secret");
}
