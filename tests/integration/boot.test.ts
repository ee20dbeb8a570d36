import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("server start-up", () => {
  it("refuses to start with a bad environment and lists every problem", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
      env: { PATH: process.env.PATH!, NODE_ENV: "production", PORT: "not-a-port", APP_URL: "ftp://example", DATABASE_URL: "mysql://x" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    for (const name of ["PORT", "APP_URL", "DATABASE_URL", "NEXTAUTH_SECRET"]) expect(result.stderr).toContain(name);
  });
});
