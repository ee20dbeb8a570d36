// A process that appends to a document through the room store (SQLite: its writer thread;
// PostgreSQL: its pool; chosen by the URL) as fast as it is acknowledged, compacting every 100
// rows, and prints "ACK <row id> <n>" for each append acknowledged: the room store's durability
// test kills it with SIGKILL mid-stream.
import * as Y from "yjs";
import { createDb } from "../../lib/db/client.ts";
import { openRoomStore } from "../../lib/db/room-store.ts";

const [url, documentId] = process.argv.slice(2) as [string, string];
const db = createDb(url);
const store = openRoomStore(url, db);
const doc = new Y.Doc();
const list = doc.getArray<number>("n");
let n = 0;
async function writer() {
  for (;;) {
    const sv = Y.encodeStateVector(doc);
    const mine = n++;
    list.push([mine]);
    const row = await store.appendUpdate(documentId, Y.encodeStateAsUpdate(doc, sv));
    process.stdout.write(`ACK ${row} ${mine}\n`);
    if (mine % 100 === 99) void store.compactDocument(documentId, row);
  }
}
// Four writers at once, so appends arrive while others (and compactions) are in flight.
await Promise.all([writer(), writer(), writer(), writer()]);
