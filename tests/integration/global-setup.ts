import type { TestProject } from "vitest/node";
import { startServer } from "../support/server-process.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dbUrl: string;
  }
}

/** One real production server with a fresh, seeded SQLite file for all integration tests. */
export default async function setup(project: TestProject) {
  const server = await startServer("integration");
  project.provide("baseUrl", server.url);
  project.provide("dbUrl", server.dbUrl);
  return async () => {
    await server.stop();
  };
}
