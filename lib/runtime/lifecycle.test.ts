import { describe, expect, it, vi } from "vitest";
import { isDraining, readiness, registerReadinessCheck, startDraining } from "./lifecycle.ts";

// One lifecycle per process (on globalThis), and draining is for good: the cases run in order.
describe("lifecycle", () => {
  it("is ready with no checks, and names each check's outcome", async () => {
    expect(await readiness()).toEqual({ ready: true, failing: [], checks: { draining: { ok: true } } });
    const remove = registerReadinessCheck("database", async () => 1);
    expect(await readiness()).toEqual({ ready: true, failing: [], checks: { draining: { ok: true }, database: { ok: true } } });
    remove();
    expect((await readiness()).checks).toEqual({ draining: { ok: true } });
  });

  it("names a check that throws, rejects or does not answer in time, and says nothing of the error", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const logs = vi.spyOn(console, "log").mockImplementation(() => undefined);
    let redisUp = false;
    const removers = [
      registerReadinessCheck("database", async () => undefined),
      registerReadinessCheck("redis", async () => {
        if (!redisUp) throw new Error("connect ECONNREFUSED 10.0.0.7:6379");
      }),
      registerReadinessCheck("sync", () => {
        throw new Error("thrown before any promise");
      }),
      registerReadinessCheck("slow", () => new Promise(() => undefined)),
    ];
    const r = await readiness(20);
    expect(r.ready).toBe(false);
    expect(r.failing.sort()).toEqual(["redis", "slow", "sync"]);
    expect(r.checks).toEqual({
      draining: { ok: true },
      database: { ok: true },
      redis: { ok: false, reason: "failed" },
      sync: { ok: false, reason: "failed" },
      slow: { ok: false, reason: "timed_out" },
    });
    expect(JSON.stringify(r)).not.toMatch(/ECONNREFUSED|10\.0\.0\.7/);
    // Logged when a check starts failing, not at every probe; and once when it passes again.
    expect(errors).toHaveBeenCalledTimes(3);
    await readiness(20);
    expect(errors).toHaveBeenCalledTimes(3);
    redisUp = true;
    removers[2]!();
    removers[3]!();
    expect(await readiness(20)).toMatchObject({ ready: true, failing: [] });
    expect(logs).toHaveBeenCalledWith(`Readiness check "redis" passes again`);
    for (const remove of removers) remove();
    errors.mockRestore();
    logs.mockRestore();
  });

  it("refuses a check named like the lifecycle's own", () => {
    expect(() => registerReadinessCheck("draining", async () => undefined)).toThrow();
  });

  it("once draining, is not ready, names 'draining' and runs no other check", async () => {
    const check = vi.fn(async () => undefined);
    registerReadinessCheck("database", check);
    expect(isDraining()).toBe(false);
    startDraining();
    expect(isDraining()).toBe(true);
    expect(await readiness()).toEqual({ ready: false, failing: ["draining"], checks: { draining: { ok: false, reason: "draining" } } });
    expect(check).not.toHaveBeenCalled();
  });
});
