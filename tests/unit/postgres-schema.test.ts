import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, postgresSchema } from "../../scripts/postgres-schema.ts";

describe("the PostgreSQL schema", () => {
  it("is the SQLite schema with only the provider and client folder changed (run npm run db:schema-pg when this fails)", () => {
    const sqlite = readFileSync("prisma/schema.prisma", "utf8");
    const committed = readFileSync(POSTGRES_SCHEMA, "utf8");
    expect(committed).toBe(postgresSchema(sqlite));
    expect(committed).toContain('provider = "postgresql"');
    expect(committed).toContain("generated/prisma-pg");
  });

  it("refuses a SQLite schema whose datasource it no longer recognises", () => {
    expect(() => postgresSchema('datasource db {\n  provider = "mysql"\n}')).toThrow(/no longer matches/);
  });
});
