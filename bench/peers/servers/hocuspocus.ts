// Hocuspocus 3.4.4, without persistence or (HOCUSPOCUS_SQLITE=<file>) with its SQLite extension.
import { Server } from "@hocuspocus/server";
import { SQLite } from "@hocuspocus/extension-sqlite";
import { startMetricsReporter } from "../../../lib/observability/metrics.ts";

const port = Number(process.env.PORT ?? 0);
const file = process.env.HOCUSPOCUS_SQLITE;
const server = new Server({
  port,
  address: "127.0.0.1",
  quiet: true,
  extensions: file ? [new SQLite({ database: file })] : [],
});
await server.listen();
startMetricsReporter(() => ({ rooms: server.hocuspocus.getDocumentsCount(), connections: server.hocuspocus.getConnectionsCount() }));
console.log(`READY ${server.address.port}`);
