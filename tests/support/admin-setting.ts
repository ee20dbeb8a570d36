import { afterAll, beforeAll, inject } from "vitest";
import type { Db } from "../../lib/db/client.ts";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-forum.ts";
import { testDb } from "./factories.ts";
import { signedIn, type TestClient } from "./http-client.ts";
import type { YClient } from "./yjs-client.ts";

export interface AdminSetting {
  db: Db;
  forumId: string;
  /** The relevant-competence group of the demo forum. */
  groupId: string;
  /** The demo forum's administrator, signed in. */
  admin: TestClient;
  /** Stock clients a test opened: destroyed after the file. */
  open: YClient[];
}

/**
 * The setting of the account-lifecycle tests: the shared server's database, the demo forum and its
 * relevant-competence group, its administrator signed in, and the sockets to close afterwards.
 * Registers its own beforeAll/afterAll; read the fields inside tests.
 */
export function adminSetting(): AdminSetting {
  const s = { open: [] } as unknown as AdminSetting;
  beforeAll(async () => {
    s.db = testDb(inject("dbUrl"));
    s.forumId = (await s.db.forum.findUniqueOrThrow({ where: { slug: "ostfold" } })).id;
    s.groupId = (await s.db.group.findFirstOrThrow({ where: { name: "Kompetansegruppe relevant kompetanse" } })).id;
    s.admin = await signedIn(inject("baseUrl"), "admin@samrad.example", DEMO_PASSWORD);
  });
  afterAll(async () => {
    for (const c of s.open) c.destroy();
    await s.db.$disconnect();
  });
  return s;
}
