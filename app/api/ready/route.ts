import { readiness } from "@/lib/runtime/lifecycle";

/**
 * Readiness: 200 when every check passes (the database answers a trivial query, and whatever else
 * server.ts registered) and the instance is not draining; 503 with the failing checks named
 * otherwise. A load balancer sends traffic only to ready instances. No session, no cookies; never cached.
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const r = await readiness();
  return Response.json(
    { status: r.ready ? "ready" : "unavailable", failing: r.failing, checks: r.checks },
    { status: r.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
