/**
 * Liveness: 200 as long as the process serves requests. It asks nothing of the database (a load
 * balancer or orchestrator that restarts on a failed liveness probe must not restart every instance
 * when the database is down). No session, no cookies; never cached.
 */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
