// Opening a document in the browser (B1): real Chromium (Playwright) signed in as the project leader,
// from navigation start to an editable editor that holds the server's state. Two documents: the demo
// recommendation (a few KB) and one built from the automerge-paper editing trace (259,778 edits,
// CC BY 4.0, see bench/traces/README.md) applied keystroke by keystroke to the editor's Yjs fragment.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { chromium, type BrowserContext } from "playwright";
import { cookie, dur, roomId, SMOKE, startServer, templateDb, TMP, type Measure, type Scenario } from "../harness.ts";
import { buildTraceDoc } from "../trace-doc.ts";

/** The opened moment: the editor's text is editable and its provider synced (see data-synced in the editor). */
const OPENED = ".document-editor[data-synced=true] .ProseMirror[contenteditable=true]";

/**
 * Runs in the page before its own scripts: records performance.now() (ms since navigation start) at the
 * first DOM change after which the opened condition holds, without polling.
 */
const watchOpened = `(() => {
  const check = () => {
    if (window.__opened === undefined && document.querySelector(${JSON.stringify(OPENED)})) {
      window.__opened = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-synced", "contenteditable"] });
})()`;

interface Open {
  ms: number;
  marks: Record<string, number>;
  ttfb: number;
  dcl: number;
}

async function openOnce(context: BrowserContext, url: string, expectText?: string): Promise<Open> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => (window as unknown as { __opened?: number }).__opened !== undefined, undefined, { timeout: 60_000, polling: 50 });
    const result = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const marks = Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("editor:")).map((m) => [m.name.slice(7), Math.round(m.startTime)]));
      return { ms: (window as unknown as { __opened: number }).__opened, marks, ttfb: nav.responseStart, dcl: nav.domContentLoadedEventEnd };
    });
    if (expectText !== undefined) {
      // The editor shows the whole document (its last paragraph's words are there).
      const shown = await page.locator(".ProseMirror").textContent();
      if (!shown?.includes(expectText)) throw new Error("the opened editor does not show the document's text");
    }
    return result;
  } finally {
    await page.close();
  }
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The big document's state, built once per run (about ten seconds for the whole trace). */
function traceState(): { state: Buffer; tail: string; edits: number } {
  // Smoke runs take the trace's first 20,000 transactions (a few seconds).
  const limit = SMOKE ? 20_000 : Infinity;
  const file = path.join(TMP, `trace-doc-${SMOKE ? "smoke" : "full"}.bin`);
  const meta = `${file}.json`;
  if (!existsSync(file)) {
    const built = buildTraceDoc(limit);
    if (built.exact === false) throw new Error("the replayed trace does not equal its endContent");
    writeFileSync(file, built.update);
    const lastLine = built.text.split("\n").filter((l) => l.trim()).at(-1) ?? "";
    writeFileSync(meta, JSON.stringify({ tail: lastLine.slice(-40), edits: built.edits }));
  }
  const { tail, edits } = JSON.parse(readFileSync(meta, "utf8")) as { tail: string; edits: number };
  return { state: readFileSync(file), tail, edits };
}

export const browserScenarios: Scenario[] = [
  {
    id: "B1", title: "Opening a document in the browser (Chromium): navigation to an editable, synced editor", servers: ["ours"], peers: false, smoke: true,
    headline: "big p50 ms", target: "typical ≤ 400 ms, 259,778-edit document ≤ 1 s (p50, warm)",
    pass: (m) => Number(m["typical p50 ms"]) <= 400 && Number(m["big p50 ms"]) <= 1000,
    run: async (kind) => {
      const trace = traceState();
      const dbFile = path.join(TMP, `ours-browser-${Date.now()}.db`);
      copyFileSync(templateDb, dbFile);
      const sqlite = new Database(dbFile);
      const slug = (sqlite.prepare("SELECT slug FROM Forum LIMIT 1").get() as { slug: string }).slug;
      const typical = sqlite.prepare("SELECT id, groupId, length(state) AS bytes FROM Document WHERE kind = 'RECOMMENDATION' AND archivedAt IS NULL ORDER BY createdAt LIMIT 1").get() as { id: string; groupId: string; bytes: number };
      const bigId = roomId(0);
      sqlite.prepare("UPDATE Document SET state = ?, title = ? WHERE id = ?").run(trace.state, "Automerge paper (editing trace, CC BY 4.0)", bigId);
      const big = sqlite.prepare("SELECT id, groupId FROM Document WHERE id = ?").get(bigId) as { id: string; groupId: string };
      sqlite.close();
      const server = await startServer(kind, { dbFile });
      const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
      try {
        const base = `http://127.0.0.1:${server.port}`;
        const url = (d: { id: string; groupId: string }) => `${base}/f/${slug}/groups/${d.groupId}/documents/${d.id}`;
        const token = cookie.slice(cookie.indexOf("=") + 1);
        const newContext = async () => {
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          await context.addCookies([{ name: "next-auth.session-token", value: token, domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax" }]);
          await context.addInitScript(watchOpened);
          return context;
        };
        const out: Measure = { "big edits": trace.edits, "big state KB": trace.state.length / 1024, "typical state KB": typical.bytes / 1024 };
        const reps = dur(10, 5, 1);
        for (const [name, doc, tail] of [["typical", typical, undefined], ["big", big, trace.tail]] as const) {
          // Cold: the first open after the server started (room not loaded, nothing cached in the browser).
          const context = await newContext();
          const cold = await openOnce(context, url(doc), tail);
          out[`${name} cold ms`] = cold.ms;
          // Warm: the same browser again (its HTTP cache and offline copy of the document filled, room loaded).
          const warm: Open[] = [];
          for (let i = 0; i < reps; i++) warm.push(await openOnce(context, url(doc)));
          await context.close();
          // A first visit with the server warm: a fresh browser profile each time.
          const fresh: Open[] = [];
          for (let i = 0; i < Math.max(1, Math.round(reps / 2)); i++) {
            const c = await newContext();
            fresh.push(await openOnce(c, url(doc)));
            await c.close();
          }
          out[`${name} p50 ms`] = median(warm.map((o) => o.ms));
          out[`${name} max ms`] = Math.max(...warm.map((o) => o.ms));
          out[`${name} fresh p50 ms`] = median(fresh.map((o) => o.ms));
          // Where the warm time goes: medians of each step's moment (ms since navigation start).
          out[`${name} ttfb ms`] = median(warm.map((o) => o.ttfb));
          out[`${name} dcl ms`] = median(warm.map((o) => o.dcl));
          for (const step of ["module", "provider", "local", "socket", "synced", "view"]) {
            const at = warm.map((o) => o.marks[step]).filter((v): v is number => v !== undefined);
            if (at.length) out[`${name} ${step} ms`] = median(at);
          }
        }
        return out;
      } finally {
        await browser.close();
        await server.stop();
      }
    },
  },
];
