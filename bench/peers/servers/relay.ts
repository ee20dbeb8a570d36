// A bare relay: every frame is re-sent to the other sockets on the same path. No Yjs at all;
// clients sync with each other through it. The floor for fan-out cost.
import http from "node:http";
import { WebSocketServer, type WebSocket } from "ws";
import { startMetricsReporter } from "../../../lib/observability/metrics.ts";

const port = Number(process.env.PORT ?? 0);
const rooms = new Map<string, Set<WebSocket>>();
const server = http.createServer((_req, res) => res.end("ok"));
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
wss.on("connection", (ws: WebSocket, req: http.IncomingMessage) => {
  const name = (req.url ?? "/").split("?")[0]!;
  const room = rooms.get(name) ?? new Set<WebSocket>();
  rooms.set(name, room);
  room.add(ws);
  ws.on("message", (data: Buffer) => {
    for (const other of room) if (other !== ws && other.readyState === other.OPEN) other.send(data, { binary: true });
  });
  ws.on("close", () => {
    room.delete(ws);
    if (room.size === 0) rooms.delete(name);
  });
});
server.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req)));
server.listen(port, "127.0.0.1", () => {
  startMetricsReporter(() => ({ rooms: rooms.size, connections: wss.clients.size }));
  console.log(`READY ${(server.address() as { port: number }).port}`);
});
