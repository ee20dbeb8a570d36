// Import of figures through the HTTP API (I1).
import { copyFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "../../lib/db/client.ts";
import { buildRegions, figuresCsv } from "../../tests/support/import-files.ts";
import { sleep, startServer, templateDb, TMP, type Scenario } from "../harness.ts";

export const importScenarios: Scenario[] = [
  {
    id: "I1", title: "Import of 50,000 rows of figures (CSV, ~3 MB) through the HTTP API", servers: ["ours"], peers: false,
    headline: "commit s", target: "commit ≤ 15 s and re-import (all updates) ≤ 15 s; no event-loop stall > 500 ms",
    pass: (m) => Number(m["commit s"]) <= 15 && Number(m["re-import s"]) <= 15 && Number(m["server loop max ms"]) <= 500,
    run: async () => {
      // A copy of the template with the county's municipalities, so that every row names a region.
      const dbFile = path.join(TMP, `ours-import-${Date.now()}.db`);
      copyFileSync(templateDb, dbFile);
      const seeded = createDb(`file:${dbFile}`);
      const forum = await seeded.forum.findFirstOrThrow({ select: { id: true } });
      await buildRegions(seeded, forum.id);
      const groupId = (await seeded.group.findFirstOrThrow({ where: { kind: "COMPETENCE" }, select: { id: true } })).id;
      await seeded.$disconnect();
      const server = await startServer("ours", { dbFile });
      try {
        const base = `http://127.0.0.1:${server.port}/api/forums/ostfold/imports`;
        const file = Buffer.from(figuresCsv(50_000, { prefix: "bench" }), "utf8");
        const send = async (path: string, ndjson: boolean) => {
          const form = new FormData();
          form.set("file", new Blob([new Uint8Array(file)]), "tall-50000.csv");
          form.set("groupId", groupId);
          form.set("sourceName", "Benchmark 50 000");
          const started = performance.now();
          const res = await fetch(base + path, { method: "POST", body: form, headers: { ...server.headers, ...(ndjson ? { accept: "application/x-ndjson" } : {}) } });
          const text = await res.text();
          const seconds = (performance.now() - started) / 1000;
          if (!res.ok) throw new Error(`${path || "commit"}: ${res.status} ${text.slice(0, 300)}`);
          const last = ndjson ? (JSON.parse(text.trim().split("\n").at(-1)!) as { type: string; result?: { created: number; updated: number; batch: { id: string } } }) : null;
          if (last && last.type !== "done") throw new Error(`commit ended with ${text.slice(-300)}`);
          return { seconds, result: last?.result, lines: ndjson ? text.trim().split("\n").length : 0 };
        };
        await sleep(1500);
        // The worst event-loop stall while a step ran (reports come once a second, so wait for the one after).
        const stallDuring = async <T>(step: () => Promise<T>) => {
          const since = Date.now();
          const out = await step();
          const until = Date.now();
          await sleep(1100);
          return { out, stall: Math.max(0, ...server.metrics.filter((m) => m.t >= since && m.t <= until + 1100).map((m) => m.loopMax)) };
        };
        const since = Date.now();
        const { out: preview, stall: previewStall } = await stallDuring(() => send("/preview", false));
        const { out: first, stall: commitStall } = await stallDuring(() => send("", true));
        const { out: again, stall: reimportStall } = await stallDuring(() => send("", true));
        const during = server.metrics.filter((m) => m.t >= since && m.t <= Date.now() + 1000);
        const undoStarted = performance.now();
        // Undo the re-import: 50,000 needs get their previous values back.
        const undo = await fetch(`${base}/${again.result!.batch.id}/undo`, { method: "POST", headers: server.headers });
        if (!undo.ok) throw new Error(`undo: ${undo.status} ${(await undo.text()).slice(0, 300)}`);
        const undoSeconds = (performance.now() - undoStarted) / 1000;
        return {
          "commit s": first.seconds, "re-import s": again.seconds, "undo s": undoSeconds, "preview s": preview.seconds,
          created: first.result!.created, updated: again.result!.updated, "rows/s": 50_000 / first.seconds, "progress lines": first.lines,
          "server loop max ms": Math.max(previewStall, commitStall, reimportStall), "loop max preview ms": previewStall, "loop max commit ms": commitStall,
          "loop max re-import ms": reimportStall, "server loop p99 max ms": Math.max(0, ...during.map((m) => m.loopP99)),
          "peak RSS MB": Math.max(0, ...during.map((m) => m.rss)) / 2 ** 20, "file MB": file.length / 2 ** 20,
        };
      } finally {
        await server.stop();
      }
    },
  },
];
