import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password.ts";
import { createDb } from "../../lib/db/client.ts";
import { dropTestDatabase, freshTestDatabase, testDatabase } from "../support/test-database.ts";

const database = testDatabase("admin-create");
const url = database.url;
const db = createDb(url);
beforeAll(async () => {
  await freshTestDatabase(database);
});
afterAll(async () => {
  await db.$disconnect();
  await dropTestDatabase(database);
});

function adminCreate(args: string[], stdin: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/admin-create.ts", ...args], {
    input: stdin,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "development" },
    timeout: 60_000,
  });
}

describe("npm run admin:create", () => {
  it("asks for a forum name on an empty database and changes nothing", () => {
    const r = adminCreate(["--email", "ada@fylke.no", "--name", "Ada Lovelace"], "et langt og godt passord\n");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--forum-name");
  });

  it("refuses a short password", async () => {
    const r = adminCreate(["--email", "ada@fylke.no", "--name", "Ada Lovelace", "--forum-name", "Kompetanseforum Vestfold"], "kort\n");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("at least 12 characters");
    expect(await db.user.count()).toBe(0);
  });

  it("creates the forum and its first administrator with the password from standard input", async () => {
    const r = adminCreate(["--email", "Ada@Fylke.no", "--name", "Ada Lovelace", "--forum-name", "Kompetanseforum Vestfold"], "et langt og godt passord\n");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Created administrator ada@fylke.no");
    const user = await db.user.findUniqueOrThrow({ where: { email: "ada@fylke.no" }, include: { forums: { include: { forum: true } } } });
    expect(user.forums).toHaveLength(1);
    expect(user.forums[0]!.role).toBe("ADMIN");
    expect(user.forums[0]!.forum.slug).toBe("kompetanseforum-vestfold");
    expect(user.mustChangePassword).toBe(false);
    expect(await verifyPassword(user.passwordHash, "et langt og godt passord")).toBe(true);
    // No demo data: admin:create never seeds.
    expect(await db.forum.count()).toBe(1);
  });

  it("refuses an e-mail address that already exists", () => {
    const r = adminCreate(["--email", "ada@fylke.no", "--name", "Ada Igjen"], "et langt og godt passord\n");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("already exists");
  });
});
