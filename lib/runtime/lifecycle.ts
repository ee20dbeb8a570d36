/**
 * The process's lifecycle as a load balancer sees it: whether the instance is draining (shutting
 * down: it answers what is in flight but should get no new work) and the readiness checks that
 * decide whether it may get traffic (the database; Redis registers its own once it is used).
 * Kept on globalThis because Next's bundled route handlers and server.ts load separate copies of
 * this module in one process (as lib/events/bus.ts).
 */

/** A readiness check: resolves when the dependency answers, rejects (or throws) when it does not. */
export type ReadinessCheck = () => Promise<unknown>;

export interface CheckResult {
  ok: boolean;
  /** Why it failed, in general terms (no error text from drivers: the endpoint is public). */
  reason?: "draining" | "failed" | "timed_out";
}

export interface Readiness {
  ready: boolean;
  /** The names of the checks that failed ("draining" while the instance shuts down). */
  failing: string[];
  checks: Record<string, CheckResult>;
}

interface LifecycleState {
  draining: boolean;
  checks: Map<string, ReadinessCheck>;
  /** The last outcome of each check, so that a failure is logged when it starts and ends, not at every probe. */
  lastOk: Map<string, boolean>;
}

/** How long one check may take before it counts as failed. */
export const READINESS_CHECK_TIMEOUT_MS = 2000;

const KEY = Symbol.for("samrad.lifecycle");
const holder = globalThis as unknown as Record<symbol, LifecycleState | undefined>;

function state(): LifecycleState {
  holder[KEY] ??= { draining: false, checks: new Map(), lastOk: new Map() };
  return holder[KEY];
}

/** Whether the instance is shutting down (readiness answers 503, new websockets are refused). */
export function isDraining(): boolean {
  return state().draining;
}

/** Marks the instance as draining; there is no way back (the process exits at the end of the drain). */
export function startDraining(): void {
  state().draining = true;
}

/**
 * Adds a check that must pass for the instance to be ready (replacing one of the same name).
 * Returns the function that removes it.
 */
export function registerReadinessCheck(name: string, check: ReadinessCheck): () => void {
  if (name === "draining") throw new Error(`"draining" is the lifecycle's own check`);
  const s = state();
  s.checks.set(name, check);
  return () => {
    if (s.checks.get(name) === check) s.checks.delete(name);
  };
}

async function runCheck(name: string, check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timed_out">((resolve) => {
    timer = setTimeout(() => resolve("timed_out"), timeoutMs);
  });
  let result: CheckResult;
  let error: unknown;
  try {
    const outcome = await Promise.race([Promise.resolve().then(check), timeout]);
    result = outcome === "timed_out" ? { ok: false, reason: "timed_out" } : { ok: true };
  } catch (e) {
    error = e;
    result = { ok: false, reason: "failed" };
  } finally {
    clearTimeout(timer);
  }
  const lastOk = state().lastOk;
  if (lastOk.get(name) !== result.ok) {
    if (!result.ok) console.error(`Readiness check "${name}" ${result.reason === "timed_out" ? `timed out after ${timeoutMs} ms` : "failed"}`, error ?? "");
    else if (lastOk.has(name)) console.log(`Readiness check "${name}" passes again`);
    lastOk.set(name, result.ok);
  }
  return result;
}

/**
 * Whether the instance should get traffic. While draining no check runs (the answer is no anyway,
 * and the database is busy storing the rooms); otherwise every registered check runs at once.
 */
export async function readiness(timeoutMs = READINESS_CHECK_TIMEOUT_MS): Promise<Readiness> {
  const s = state();
  if (s.draining) return { ready: false, failing: ["draining"], checks: { draining: { ok: false, reason: "draining" } } };
  const entries = await Promise.all([...s.checks].map(async ([name, check]) => [name, await runCheck(name, check, timeoutMs)] as const));
  const checks: Record<string, CheckResult> = { draining: { ok: true } };
  for (const [name, result] of entries) checks[name] = result;
  const failing = entries.filter(([, r]) => !r.ok).map(([name]) => name);
  return { ready: failing.length === 0, failing, checks };
}
