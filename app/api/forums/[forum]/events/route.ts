import { forumRoute } from "@/lib/http/forum-route";
import { openEventStream, parseTopics } from "@/lib/events/stream";
import { AppError } from "@/lib/services/errors";

/**
 * GET /api/forums/<forum>/events?topics=needs — Server-Sent Events for members of the forum (401
 * signed out, 404 outside it, 400 for an unknown topic, 429 with Retry-After when too many streams are open).
 */
export const GET = forumRoute<{ forum: string }>({}, async ({ req, me, access }) => {
  const topics = parseTopics(new URL(req.url).searchParams.get("topics"));
  if (!topics) throw new AppError("invalid_input", "errors.unknownTopic");
  const stream = openEventStream({ userId: me.id, forumId: access.forum.id, topics, signal: req.signal });
  if (!stream) throw new AppError("rate_limited", "errors.tooManyStreams", {}, { retryAfterSeconds: 30 });
  return stream;
});

export const dynamic = "force-dynamic";
