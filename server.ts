// Samråd's one process: serves Next.js and (from the realtime module) websocket upgrades on one port.
import { randomBytes } from "node:crypto";
import http from "node:http";
import next from "next";
import { envOrExit, prepareDatabase } from "./lib/boot.ts";
import { db } from "./lib/db/client.ts";
import { redisHealthy, startRedisBridge } from "./lib/events/redis-bridge.ts";
import { CLIENT_IP_HEADER, resolveClientIp } from "./lib/http/client-ip.ts";
import { startMetricsReporter } from "./lib/observability/metrics.ts";
import { DocRelay } from "./lib/realtime/doc-relay.ts";
import { createRealtimeServer } from "./lib/realtime/server.ts";
import { isDraining, registerReadinessCheck, startDraining } from "./lib/runtime/lifecycle.ts";
import { startAuditHeads } from "./lib/services/audit-heads.ts";
import { startAutoVersions } from "./lib/services/auto-versions.ts";
import { startChangeDigest } from "./lib/services/change-digest.ts";
import { mailWorkerConfig, startMailWorker } from "./lib/services/mail-worker.ts";
import { runRemindersOnce } from "./lib/services/reminders.ts";
import { startRetention } from "./lib/services/retention.ts";
import { ensureSearchIndex } from "./lib/search/index.ts";
import { securityHeaders } from "./lib/security/headers.ts";

const dev = process.argv.includes("--dev");
if (!dev) (process.env as Record<string, string>).NODE_ENV ??= "production";
const env = envOrExit();
// next-auth reads its base URL and secret from these names.
process.env.NEXTAUTH_URL = env.APP_URL;
process.env.NEXTAUTH_SECRET = env.NEXTAUTH_SECRET;

await prepareDatabase(env);
// Signed heads of the audit chains: now, every AUDIT_HEAD_MINUTES and once more at shutdown.
const writeFinalAuditHeads = startAuditHeads(db(), env.AUDIT_HEAD_FILE, env.AUDIT_HEAD_MINUTES);
// GET /api/ready answers 200 only while the database answers a trivial query (any SQL database).
registerReadinessCheck("database", () => db().$queryRaw`SELECT 1`);

// The search index is rebuilt when it was never built or is of an older build: in the background,
// in batches, so start-up never waits for it (searches meanwhile find what is indexed so far).
ensureSearchIndex(db())
  .then((r) => r.rebuilt && console.log(`Rebuilt the search index (${r.entries} entries).`))
  .catch((error: unknown) => console.error("Rebuilding the search index failed; it is tried again at the next start", error));

// Next attaches its own upgrade listener (HMR) to the server it is given and closes upgrades it
// does not know. It gets a private server that never listens; we forward only what is its own.
const nextUpgradeTarget = http.createServer();
const app = next({ dev, dir: process.cwd(), httpServer: nextUpgradeTarget, hostname: env.HOST, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();
const https = env.SECURE_COOKIES;

const server = http.createServer((req, res) => {
  const nonce = randomBytes(16).toString("base64");
  const headers = securityHeaders({ nonce, dev, https, appUrl: env.APP_URL });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  // Next reads the nonce from the request's CSP header and puts it on its own script tags.
  req.headers["content-security-policy"] = headers["Content-Security-Policy"];
  // The only client address the app trusts is the one set here; a client cannot forge it.
  req.headers[CLIENT_IP_HEADER] = resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], env.TRUST_PROXY);
  // While draining, answers are still given, but keep-alive connections end after them: the
  // client's (or the proxy's) next request opens a new connection, which goes to another instance.
  if (isDraining()) res.setHeader("Connection", "close");
  handle(req, res).catch((error: unknown) => {
    console.error("Request failed", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

const realtime = createRealtimeServer({
  db: db(),
  databaseUrl: env.DATABASE_URL,
  maxFrameBytes: env.COLLAB_MAX_FRAME_BYTES,
  maxDocumentBytes: env.COLLAB_MAX_DOCUMENT_BYTES,
  idleUnloadMs: env.COLLAB_IDLE_UNLOAD_MS,
  flushDelayMs: env.COLLAB_FLUSH_MS,
  editStretchGapMs: env.EDIT_STRETCH_GAP_MS,
  // Several instances: live document rooms relay their changes and presence through Redis streams.
  relay: env.REDIS_URL ? new DocRelay({ url: env.REDIS_URL, prefix: env.REDIS_PREFIX, instanceId: env.INSTANCE_ID }) : null,
});

// Several instances: domain events travel between them through Redis. Without REDIS_URL nothing of
// Redis is touched. Start-up never waits for Redis; the bridge connects (and reconnects) by itself.
const redisBridge = env.REDIS_URL ? startRedisBridge({ url: env.REDIS_URL, prefix: env.REDIS_PREFIX, instanceId: env.INSTANCE_ID }) : null;
if (redisBridge) {
  void redisBridge.ready.then(() => console.log(`Redis events: instance ${env.INSTANCE_ID} is subscribed`));
  // An instance that cannot hear the others' revocations must not be given new users.
  registerReadinessCheck("redis", async () => {
    if (!(await redisHealthy())) throw new Error("Redis does not answer");
  });
}

server.on("upgrade", (req, socket, head) => {
  // A draining instance takes no new websockets: the client retries, and the load balancer sends it elsewhere.
  if (isDraining()) {
    socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n");
    return;
  }
  if (realtime.handleUpgrade(req, socket, head)) return;
  // In development Next's hot reload has its own socket; in production nothing else upgrades.
  if (dev) nextUpgradeTarget.emit("upgrade", req, socket, head);
  else socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
});

server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  console.log(`Samråd is ready on ${env.APP_URL} (listening on port ${port})`);
});

if (env.METRICS_LOG) startMetricsReporter(() => realtime.stats());

// Due-date and vote reminders: shortly after start, then every hour; one instance at a time (lease).
const remind = () => runRemindersOnce().catch((error: unknown) => console.error("Reminders failed", error));
setTimeout(remind, env.REMINDER_FIRST_MS).unref();
setInterval(remind, env.REMINDER_INTERVAL_MS).unref();

// Retention: sign-in attempts older than RETENTION_LOGIN_ATTEMPTS_DAYS and notifications read more than
// RETENTION_READ_NOTIFICATIONS_DAYS ago are deleted shortly after start, then every hour.
startRetention();

// Automatic versions of documents whose text has gone quiet (VERSION_QUIET_MS), looked for every minute.
startAutoVersions();

// Grouped change notices to documents' followers (at most one per DOCUMENT_DIGEST_MINUTES), looked for every DOCUMENT_DIGEST_TICK_MS.
startChangeDigest();

// E-mail of notifications: the outbox's worker, only when SMTP is configured.
const mailWorker = env.SMTP_URL ? startMailWorker(db(), { ...mailWorkerConfig(env), appUrl: env.APP_URL }) : null;

/**
 * Graceful drain (SIGTERM, SIGINT): readiness answers 503 and new websockets are refused at once;
 * after DRAIN_DELAY_MS (time for a load balancer to notice) the server stops accepting connections,
 * stores every open room, closes the sockets with 1012 (clients reconnect, elsewhere), stops the mail
 * worker, writes the final audit heads and exits 0. A drain that hangs ends with exit 1.
 */
const DRAIN_HARD_TIMEOUT_MS = 10_000;
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  startDraining();
  setTimeout(() => {
    console.error(`The drain did not finish within ${env.DRAIN_DELAY_MS + DRAIN_HARD_TIMEOUT_MS} ms; exiting`);
    process.exit(1);
  }, env.DRAIN_DELAY_MS + DRAIN_HARD_TIMEOUT_MS).unref();
  console.log(`${signal}: draining (readiness answers 503, new websockets are refused)${env.DRAIN_DELAY_MS ? `; closing in ${env.DRAIN_DELAY_MS} ms` : ""}`);
  if (env.DRAIN_DELAY_MS > 0) await new Promise((r) => setTimeout(r, env.DRAIN_DELAY_MS));

  // No new connections; idle keep-alive connections close now, busy ones after their answer.
  const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  console.log(`${signal}: storing open documents and shutting down`);
  await Promise.all([
    realtime.close().catch((error: unknown) => console.error("Realtime shutdown failed", error)),
    mailWorker?.stop().catch((error: unknown) => console.error("Mail worker shutdown failed", error)),
  ]);
  // Last, so that events of the final stores still reach the other instances.
  await redisBridge?.close().catch((error: unknown) => console.error("Redis shutdown failed", error));
  await writeFinalAuditHeads();
  // Answers still being written get a moment; whatever is left then is cut.
  await Promise.race([serverClosed, new Promise((r) => setTimeout(r, 2000))]);
  server.closeAllConnections();
  console.log(`${signal}: stopped`);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
