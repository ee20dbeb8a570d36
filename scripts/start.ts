// `npm start`: build if needed, then start the production server (which migrates and seeds).
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { buildIfNeeded } from "./build-if-needed.ts";

(process.env as Record<string, string>).NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";

// A self-hosted install needs a session secret; make one once and keep it beside the database.
if (!process.env.NEXTAUTH_SECRET) {
  const file = "data/.nextauth-secret";
  mkdirSync("data", { recursive: true });
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log(`Generated a session secret in ${file} (set NEXTAUTH_SECRET to use your own).`);
  }
  chmodSync(file, 0o600);
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

buildIfNeeded();
await import("../server.ts");
