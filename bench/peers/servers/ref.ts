// The reference y-websocket server (@y/websocket-server 0.1.1), no persistence, with our metrics line.
import http from "node:http";
import { WebSocketServer } from "ws";
import { docs, setupWSConnection } from "@y/websocket-server/utils";
import { startMetricsReporter } from "../../../lib/observability/metrics.ts";

const port = Number(process.env.PORT ?? 0);
const server = http.createServer((_req, res) => res.end("ok"));
const wss = new WebSocketServer({ noServer: true });
wss.on("connection", (ws, req) => setupWSConnection(ws, req, { docName: (req.url ?? "/").slice(1).split("?")[0]!.split("/").pop()!, gc: true }));
server.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req)));
server.listen(port, "127.0.0.1", () => {
  startMetricsReporter(() => ({ rooms: docs.size, connections: wss.clients.size }));
  console.log(`READY ${(server.address() as { port: number }).port}`);
});
