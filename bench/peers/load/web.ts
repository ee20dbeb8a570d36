// HTTP load on a page with autocannon; p95 from every response time (autocannon's own summary has no p95).
import autocannon from "autocannon";
import hdr from "hdr-histogram-js";

const { url, cookie, connections, durationS } = JSON.parse(process.env.WEB_CONFIG!) as { url: string; cookie?: string; connections: number; durationS: number };
const hist = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
let statuses: Record<string, number> = {};
const instance = autocannon({ url, connections, duration: durationS, headers: cookie ? { cookie } : {} });
instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  hist.recordValue(Math.max(1, Math.round(responseTime * 1000)));
});
const result = await instance;
statuses = { ...statuses };
process.stdout.write(`RESULT ${JSON.stringify({ requests: result.requests.total, errors: result.errors + result.non2xx, statuses, p50: hist.getValueAtPercentile(50) / 1000, p95: hist.getValueAtPercentile(95) / 1000, p99: hist.getValueAtPercentile(99) / 1000 })}\n`);
