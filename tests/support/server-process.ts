import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { freshTestDatabase, testDatabase, type TestDatabase } from "./test-database.ts";
import { serverEnv } from "./test-env.ts";

/** A free TCP port on loopback, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  /** The server's database (TEST_DATABASE picks SQLite or PostgreSQL). */
  database: TestDatabase;
  dbUrl: string;
  process: ChildProcess;
  output: () => string;
  /** SIGKILL: no shutdown code runs, as in a crash or power loss. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts the real production server (server.ts) on its own port and a fresh database (see test-database.ts). */
export async function startServer(
  name: string,
  extraEnv: Record<string, string> = {},
  opts: { port?: number; keepDatabase?: boolean } = {},
): Promise<RunningServer> {
  const database = testDatabase(name);
  if (!opts.keepDatabase) await freshTestDatabase(database);
  const port = opts.port ?? (await freePort());
  const env = serverEnv(port, database, extraEnv);
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${out}`)), 90_000);
    const check = () => {
      if (out.includes("Samråd is ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url: `http://localhost:${port}`,
    port,
    database,
    dbUrl: env.DATABASE_URL!,
    process: child,
    output: () => out,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid!, "SIGKILL");
      await exited;
    },
    stop: async () => {
      // A killed process has a signal code and no exit code; it has exited all the same.
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
      await exited;
    },
  };
}
