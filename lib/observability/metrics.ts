import { monitorEventLoopDelay } from "node:perf_hooks";

export interface ProcessMetrics {
  t: number;
  /** CPU used since the last report, as a share of one core (1 = 100 %). */
  cpu: number;
  rss: number;
  heapUsed: number;
  /** Event-loop delay p99 and maximum over the last second, in ms. */
  loopP99: number;
  loopMax: number;
  rooms: number;
  connections: number;
}

/**
 * Prints one line `METRICS {json}` per interval: CPU, memory, event-loop delay and the sync
 * server's rooms and connections. Used by benchmarks and for plain operational logging.
 */
export function startMetricsReporter(stats: () => { rooms: number; connections: number }, intervalMs = 1000, write = (line: string) => process.stdout.write(line)) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let lastCpu = process.cpuUsage();
  let lastAt = process.hrtime.bigint();
  const timer = setInterval(() => {
    const now = process.hrtime.bigint();
    const cpu = process.cpuUsage(lastCpu);
    const wallUs = Number(now - lastAt) / 1000;
    lastCpu = process.cpuUsage();
    lastAt = now;
    const mem = process.memoryUsage();
    const m: ProcessMetrics = {
      t: Date.now(),
      cpu: (cpu.user + cpu.system) / wallUs,
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      loopP99: loop.percentile(99) / 1e6,
      loopMax: loop.max / 1e6,
      ...stats(),
    };
    loop.reset();
    write(`METRICS ${JSON.stringify(m)}\n`);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
