// The web side: pages under concurrent load (S8) and the gap view over 50,000 needs (G1).
import { spawnSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb } from "../../lib/db/client.ts";
import { cookie, dur, PEERS, pin, roomId, startServer, templateDb, TMP, type Scenario } from "../harness.ts";

// ---- the gap view's data -------------------------------------------------------------------

const GAP_NEEDS = 50_000;

/**
 * Adds `count` needs to the demo forum of a copied template (prepared statements in one
 * transaction): 20 regions, 250 fields, four units, five years and two half-years, the three target
 * areas and the competence groups; every 20th need is linked to a demo action. Returns the forum id.
 */
function fillNeeds(dbFile: string, count: number): string {
  const sqlite = new Database(dbFile);
  const forumId = (sqlite.prepare("SELECT id FROM Forum LIMIT 1").get() as { id: string }).id;
  const userId = (sqlite.prepare("SELECT id FROM User WHERE email = 'prosjektleder@samrad.example'").get() as { id: string }).id;
  const areas = (sqlite.prepare("SELECT id FROM TargetArea WHERE forumId = ?").all(forumId) as { id: string }[]).map((r) => r.id);
  const groups = (sqlite.prepare("SELECT id FROM \"Group\" WHERE forumId = ? AND kind = 'COMPETENCE'").all(forumId) as { id: string }[]).map((r) => r.id);
  const actions = (sqlite.prepare("SELECT id FROM ActionItem WHERE forumId = ?").all(forumId) as { id: string }[]).map((r) => r.id);
  const now = new Date().toISOString().replace("Z", "+00:00");
  const regions = Array.from({ length: 20 }, (_, i) => `benchregion${String(i).padStart(4, "0")}`);
  const periods = ["2022", "2023", "2024", "2025", "2026", "2026-H1", "2026-H2"];
  const units = ["PERSONS", "PERSONS", "APPRENTICESHIPS", "STUDY_PLACES", "FTE"];
  const insertRegion = sqlite.prepare("INSERT INTO Region (id, forumId, name, kind, sortOrder, createdAt) VALUES (?, ?, ?, 'MUNICIPALITY', ?, ?)");
  const insertNeed = sqlite.prepare(`INSERT INTO Need (id, forumId, groupId, targetAreaId, title, description, field, regionId, period, demand, supply, unit, sourceName, confidence, notes, createdById, createdAt, updatedAt, version)
    VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, 'Benchmark', 'MEDIUM', '', ?, ?, ?, 1)`);
  const insertLink = sqlite.prepare("INSERT INTO NeedLink (id, needId, actionItemId, createdById, createdAt) VALUES (?, ?, ?, ?, ?)");
  sqlite.transaction(() => {
    regions.forEach((id, i) => insertRegion.run(id, forumId, `Kommune ${i + 1}`, i, now));
    for (let i = 0; i < count; i++) {
      const id = `benchneed${String(i).padStart(7, "0")}`;
      const demand = 10 + ((i * 37) % 400);
      const supply = Math.round(demand * (0.4 + ((i * 13) % 70) / 100));
      insertNeed.run(id, forumId, groups[i % groups.length]!, i % 7 === 0 ? null : areas[i % areas.length]!, `Behov ${i}`, `Fagområde ${(i * 7) % 250}`,
        i % 11 === 0 ? null : regions[i % regions.length]!, periods[i % periods.length]!, demand, supply, units[i % units.length]!, userId, now, now);
      if (i % 20 === 0 && actions.length) insertLink.run(`benchlink${String(i).padStart(7, "0")}`, id, actions[i % actions.length]!, userId, now);
    }
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  return forumId;
}

export const webScenarios: Scenario[] = [
  {
    id: "S8", title: "Web: sign-in page and a group page, 50 concurrent users (autocannon)", servers: ["ours"],
    headline: "group p95 ms", target: "group page p95 ≤ 100 ms", pass: (m) => Number(m["group p95 ms"]) <= 100,
    run: async (kind) => {
      const server = await startServer(kind);
      try {
        const db = createDb(`file:${server.dbFile}`);
        // A group as people have it (the benchmark's 300 documents live in another group).
        const group = await db.group.findFirstOrThrow({ where: { kind: "COMPETENCE", documents: { none: { id: roomId(0) } } } });
        await db.$disconnect();
        const web = (url: string, withCookie: boolean) => {
          const full = pin(1, [process.execPath, "--import", "tsx", path.join(PEERS, "load/web.ts")]);
          const r = spawnSync(full[0]!, full.slice(1), { env: { ...process.env, WEB_CONFIG: JSON.stringify({ url, cookie: withCookie ? cookie : undefined, connections: 50, durationS: dur(10, 3) }) }, encoding: "utf8" });
          const line = r.stdout.split("\n").find((l) => l.startsWith("RESULT "));
          if (!line) throw new Error(`web load failed: ${r.stderr.slice(0, 500)}`);
          if (process.env.BENCH_DEBUG) console.error(line);
          return JSON.parse(line.slice(7)) as { requests: number; errors: number; p50: number; p95: number; p99: number };
        };
        // One request each first, so that nothing measured is a first-time cost.
        await fetch(`http://127.0.0.1:${server.port}/login`);
        await fetch(`http://127.0.0.1:${server.port}/f/ostfold/groups/${group.id}`, { headers: { cookie } });
        const login = web(`http://127.0.0.1:${server.port}/login`, false);
        const groupPage = web(`http://127.0.0.1:${server.port}/f/ostfold/groups/${group.id}`, true);
        return { "login p95 ms": login.requests ? login.p95 : "n/a", "group p95 ms": groupPage.requests ? groupPage.p95 : "n/a", "group p50 ms": groupPage.p50, "group requests": groupPage.requests, "group errors": groupPage.errors, "login requests": login.requests };
      } finally {
        await server.stop();
      }
    },
  },
  {
    id: "G1", title: "Gap view (Kompetansegapet) over 50,000 needs", servers: ["ours"], peers: false,
    headline: "page p95 ms", target: "aggregation p95 ≤ 100 ms; page p95 ≤ 400 ms (one request at a time)",
    pass: (m) => Number(m["aggregation p95 ms"]) <= 100 && Number(m["page p95 ms"]) <= 400,
    run: async () => {
      const dbFile = path.join(TMP, `ours-gap-${Date.now()}.db`);
      copyFileSync(templateDb, dbFile);
      const forumId = fillNeeds(dbFile, GAP_NEEDS);
      const { loadGapRows, listNeedPeriods } = await import("../../lib/db/gap.ts");
      const { defaultPeriod, shapeGap, trendPeriods } = await import("../../lib/needs/gap.ts");
      const db = createDb(`file:${dbFile}`);
      const reps = dur(50, 20);
      const aggregate = async (filter: Record<string, string>) => {
        const periods = await listNeedPeriods(db, forumId);
        const period = defaultPeriod(periods);
        return shapeGap(await loadGapRows(db, forumId, { filter, period, trendPeriods: trendPeriods(periods, { like: period }), needLimit: 100 }));
      };
      const timed = async (fn: () => Promise<unknown>) => {
        // Warm-up (JIT, page compilation, SQLite's page cache): not measured.
        for (let i = 0; i < 3; i++) await fn();
        const ms: number[] = [];
        for (let i = 0; i < reps; i++) {
          const t = performance.now();
          await fn();
          ms.push(performance.now() - t);
        }
        return ms.sort((a, b) => a - b);
      };
      const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)]!;
      const whole = await timed(() => aggregate({}));
      const area = (await db.targetArea.findFirstOrThrow({ where: { forumId }, select: { id: true } })).id;
      const filtered = await timed(() => aggregate({ targetAreaId: area, unit: "PERSONS" }));
      const report = await aggregate({});
      await db.$disconnect();
      const server = await startServer("ours", { dbFile });
      try {
        const url = `http://127.0.0.1:${server.port}/f/ostfold/gap`;
        const page = await timed(async () => {
          const res = await fetch(url, { headers: { cookie } });
          if (res.status !== 200) throw new Error(`gap view answered ${res.status}`);
          await res.text();
        });
        return {
          "page p95 ms": pct(page, 95), "page p50 ms": pct(page, 50),
          "aggregation p95 ms": pct(whole, 95), "aggregation p50 ms": pct(whole, 50),
          "filtered aggregation p95 ms": pct(filtered, 95),
          needs: GAP_NEEDS, units: report.units.length, "needs counted": report.units.reduce((n, u) => n + u.totals.needs, 0), requests: reps,
        };
      } finally {
        await server.stop();
      }
    },
  },
];
