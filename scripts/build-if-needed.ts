import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// What goes into the Next build. A change in any of these makes `npm start` / `npm test` rebuild.
const INPUTS = ["app", "components", "lib", "messages", "prisma/seed", "types", "next.config.mjs", "package-lock.json", "tsconfig.json"];
const STAMP = path.join(".next", "samrad-build-stamp");

function walk(p: string, out: string[]) {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    if (p.endsWith("generated")) return;
    for (const name of readdirSync(p).sort()) walk(path.join(p, name), out);
  } else out.push(p);
}

/** A hash of every file the production build depends on. */
export function sourceHash(): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(input, files);
  const h = createHash("sha256");
  for (const f of files) h.update(f).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex");
}

/** Runs `next build` unless the last build was made from exactly these sources. */
export function buildIfNeeded(): void {
  const hash = sourceHash();
  if (existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash) {
    console.log("Build is up to date.");
    return;
  }
  console.log("Building the app (next build; about a minute the first time) …");
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error("next build failed.");
    process.exit(result.status ?? 1);
  }
  writeFileSync(STAMP, hash);
  console.log(`Build finished in ${Math.round((Date.now() - started) / 1000)} s.`);
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded();
