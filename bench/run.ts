// `npm run bench [-- --quick] [-- --only S1,S5]`: Samråd's sync server side by side with the peers
// people would pick instead, on this machine. Servers run pinned to core 0, load generators to
// core 1; peers take turns in A/B/A/B order; medians over the repetitions. Writes
// bench/results/<date>.json and docs/benchmarks.md, and prints the table.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded } from "../scripts/build-if-needed.ts";
import { args, hasTaskset, SMOKE, LABEL, loadHistograms, ONLY, PEERS, prepareTemplate, QUICK, REPS, TMP, type Measure, type Scenario, type ServerKind } from "./harness.ts";
import { browserScenarios } from "./scenarios/browser.ts";
import { growthScenarios } from "./scenarios/growth.ts";
import { importScenarios } from "./scenarios/import.ts";
import { instanceScenarios } from "./scenarios/instances.ts";
import { syncScenarios } from "./scenarios/sync.ts";
import { traceScenarios } from "./scenarios/traces.ts";
import { webScenarios } from "./scenarios/web.ts";

const scenarios: Scenario[] = [...syncScenarios, ...traceScenarios, ...webScenarios, ...growthScenarios, ...importScenarios, ...browserScenarios, ...instanceScenarios];

// ---- orchestration ---------------------------------------------------------------------------

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function medianOf(runs: Measure[]): Measure {
  const out: Measure = {};
  for (const key of Object.keys(runs[0] ?? {})) {
    const values = runs.map((r) => r[key]);
    if (values.every((v) => typeof v === "number")) out[key] = median(values as number[]);
    else if (values.every((v) => typeof v === "boolean")) out[key] = (values as boolean[]).every(Boolean);
    else out[key] = values[0]!;
  }
  return out;
}

const fmt = (v: number | string | boolean | undefined) =>
  typeof v === "number" ? (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2)) : v === undefined ? "–" : String(v);

async function main() {
  // --render=<results.json>: rewrite docs/benchmarks.md from a finished run (e.g. after editing bench/analysis.md).
  const render = args.find((a) => a.startsWith("--render="))?.slice(9);
  if (render) {
    const output = JSON.parse(readFileSync(render, "utf8"));
    const table = renderTable(output.report);
    mkdirSync("docs", { recursive: true });
    writeFileSync("docs/benchmarks.md", renderDoc(output, table));
    console.log(table);
    return;
  }
  const started = Date.now();
  // Smoke: the scenarios marked for it (each server once, shortened), unless --only names others.
  const chosen = scenarios.filter((s) => (ONLY ? ONLY.includes(s.id) : !SMOKE || s.smoke));
  // Scenarios of our server alone (the gap view) run without installing the peers.
  // On a fresh clone the peers' install (mostly download) runs while the app builds (mostly CPU).
  let installed: Promise<number | null> = Promise.resolve(0);
  if (chosen.some((s) => s.peers !== false) && !existsSync(path.join(PEERS, "node_modules"))) {
    console.log("Installing the peers (bench/peers, pinned) while the app builds …");
    const install = spawn("npm", ["ci", "--no-audit", "--no-fund"], { cwd: PEERS, stdio: "inherit" });
    installed = new Promise((resolve) => install.once("close", resolve));
  }
  buildIfNeeded();
  if ((await installed) !== 0) {
    console.error("Installing the peers failed.");
    process.exit(1);
  }
  if (chosen.some((s) => s.peers !== false)) await loadHistograms();
  await prepareTemplate();
  const report: { id: string; title: string; target: string; headline: string; results: Partial<Record<ServerKind, { median: Measure; runs: Measure[] }>>; pass: boolean | null; notes: string[] }[] = [];
  for (const scenario of chosen) {
    const runs: Partial<Record<ServerKind, Measure[]>> = {};
    // Quick mode keeps what each target is compared against: the relay only where it is the yardstick (S2).
    const servers = SMOKE
      ? scenario.servers
      : QUICK
      ? scenario.servers.filter((k) => scenario.servers.length <= 2 || k === "ours" || k === "ref" || k === "hocuspocus" || (k === "relay" && scenario.id === "S2") || (k === "hocuspocus-sqlite" && scenario.id === "S9"))
      : scenario.servers;
    // S6 (two minutes per server) and S9 (the whole trace, ~2 minutes per server) run once in the full run.
    const reps = scenario.id === "S6" || scenario.id === "S9" ? 1 : REPS;
    for (let rep = 0; rep < reps; rep++) {
      // A/B/A/B: the order alternates between repetitions so no server always runs first or last.
      const order = rep % 2 === 0 ? servers : [...servers].reverse();
      for (const kind of order) {
        const t = Date.now();
        process.stdout.write(`${scenario.id} rep ${rep + 1}/${reps} ${LABEL[kind].padEnd(18)} … `);
        try {
          const m = await scenario.run(kind);
          (runs[kind] ??= []).push(m);
          console.log(`${scenario.headline} ${fmt(m[scenario.headline])}${m.valid === false ? " (load generator saturated: invalid)" : ""} [${((Date.now() - t) / 1000).toFixed(1)} s]`);
        } catch (error) {
          console.log(`failed: ${(error as Error).message}`);
          (runs[kind] ??= []).push({ error: (error as Error).message });
        }
      }
    }
    const results: (typeof report)[number]["results"] = {};
    for (const [kind, list] of Object.entries(runs) as [ServerKind, Measure[]][]) results[kind] = { median: medianOf(list), runs: list };
    const ours = results.ours?.median;
    const notes: string[] = [];
    if (ours?.converged === false) notes.push("Samråd: a replica did not converge or an edit was lost/duplicated.");
    if (ours?.valid === false) notes.push("The load generator was saturated during Samråd's run: the figures show the harness's limit, not the server's.");
    if (scenario.id === "S2" && results.relay && ours) {
      const ratio = Number(ours["server CPU µs/delivery"]) / Number(results.relay.median["server CPU µs/delivery"]);
      ours["CPU/delivery ÷ relay"] = ratio;
      notes.push(`Server CPU per delivered update: ${fmt(ratio)} × the bare relay's (target ≤ 1.5).`);
    }
    const pass = ours && !("error" in ours) ? scenario.pass(ours) && ours.converged !== false && (scenario.id !== "S2" || Number(ours["CPU/delivery ÷ relay"] ?? 0) <= 1.5) : null;
    report.push({ id: scenario.id, title: scenario.title, target: scenario.target, headline: scenario.headline, results, pass, notes });
  }
  const elapsed = (Date.now() - started) / 1000;
  if (SMOKE) {
    // CI: every run must finish, and every replica converge; figures are not judged on a shared machine.
    const broken = report.flatMap((r) => Object.entries(r.results).flatMap(([k, v]) => v!.runs.filter((m) => "error" in m || m.converged === false || m.exact === false || Number(m["acknowledged lost"]) > 0).map(() => `${r.id} ${LABEL[k as ServerKind]}`)));
    console.log(`\n${renderTable(report)}\n\nSmoke run finished in ${elapsed.toFixed(0)} s${broken.length ? `; broken: ${broken.join(", ")}` : ", every run completed"}`);
    rmSync(TMP, { recursive: true, force: true });
    if (broken.length) process.exitCode = 1;
    return;
  }
  const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, os: `${os.type()} ${os.release()}`, taskset: hasTaskset };
  const versions = JSON.parse(readFileSync(path.join(PEERS, "package.json"), "utf8")).dependencies as Record<string, string>;
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  mkdirSync("bench/results", { recursive: true });
  const output = { date: new Date().toISOString(), quick: QUICK, repetitions: REPS, elapsedSeconds: elapsed, machine, versions, report };
  writeFileSync(`bench/results/${stamp}${QUICK ? "-quick" : ""}.json`, JSON.stringify(output, null, 2));
  const table = renderTable(report);
  console.log(`\n${table}\n\nFinished in ${elapsed.toFixed(0)} s; results in bench/results/${stamp}${QUICK ? "-quick" : ""}.json`);
  // The page is the whole comparison: a run of some scenarios (--only) leaves it as it is.
  if (!QUICK && !ONLY) {
    mkdirSync("docs", { recursive: true });
    writeFileSync("docs/benchmarks.md", renderDoc(output, table));
  }
  rmSync(TMP, { recursive: true, force: true });
}

function renderTable(report: { id: string; title: string; target: string; headline: string; results: Partial<Record<ServerKind, { median: Measure }>>; pass: boolean | null }[]) {
  const kinds: ServerKind[] = ["ours", "ref", "hocuspocus", "hocuspocus-sqlite", "relay"];
  const head = `| # | Scenario | Metric | Target | ${kinds.map((k) => LABEL[k]).join(" | ")} | Samråd ÷ best peer | Met |`;
  const rows = report.map((r) => {
    const values = kinds.map((k) => r.results[k]?.median[r.headline]);
    const peers = kinds.slice(1).map((k) => r.results[k]?.median[r.headline]).filter((v): v is number => typeof v === "number");
    const ours = values[0];
    const ratio = typeof ours === "number" && peers.length ? ours / Math.min(...peers) : undefined;
    return `| ${r.id} | ${r.title} | ${r.headline} | ${r.target} | ${values.map(fmt).join(" | ")} | ${fmt(ratio)} | ${r.pass === null ? "–" : r.pass ? "yes" : "**no**"} |`;
  });
  return [head, `|${"---|".repeat(6 + kinds.length)}`, ...rows].join("\n");
}

function renderDoc(output: { date: string; repetitions: number; elapsedSeconds: number; machine: object; versions: Record<string, string>; report: { id: string; title: string; notes: string[]; results: Partial<Record<ServerKind, { median: Measure; runs: Measure[] }>> }[] }, table: string) {
  const details = output.report
    .map((r) => {
      const rows = Object.entries(r.results).map(([k, v]) => `| ${LABEL[k as ServerKind]} | ${Object.entries(v!.median).map(([m, x]) => `${m}: ${fmt(x)}`).join("; ")} |`);
      return `### ${r.id}: ${r.title}\n\n| Server | Medians |\n|---|---|\n${rows.join("\n")}\n${r.notes.length ? `\n${r.notes.map((n) => `- ${n}`).join("\n")}\n` : ""}`;
    })
    .join("\n");
  const analysis = existsSync("bench/analysis.md") ? readFileSync("bench/analysis.md", "utf8") : "";
  return `# Benchmarks\n\nGenerated by \`npm run bench\` on ${output.date} (${output.elapsedSeconds.toFixed(0)} s, ${output.repetitions} repetitions, medians).\n\n## Machine and versions\n\n\`\`\`json\n${JSON.stringify({ machine: output.machine, peers: output.versions }, null, 2)}\n\`\`\`\n\nServers run pinned to core 0, load generators to core 1 (\`taskset\`); peers run one after another, order alternating between repetitions (A/B/A/B). Latency = receive time of each edit minus its send time on the machine's monotonic clock, over every delivery to every other client. A run is invalid when the load generator's CPU exceeds 70 % of its core or its event-loop p99 exceeds 20 ms.\n\n## Results\n\n${table}\n\n## Details\n\n${details}\n\n${analysis}`;
}

await main();
