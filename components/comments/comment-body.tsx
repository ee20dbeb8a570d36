"use client";

import { commentSegments } from "@/lib/comments/text";
import type { CommentView } from "@/lib/presenters/comment";

/** A comment's text as text nodes, links and highlighted mentions: never HTML from the comment. */
export function CommentBody({ comment }: { comment: Pick<CommentView, "body" | "mentions"> }) {
  const lines = comment.body.split("\n");
  return (
    <div className="comment__body">
      {lines.map((line, i) => (
        <p key={i}>
          {commentSegments(line, comment.mentions).map((s, j) =>
            s.kind === "link" ? (
              <a key={j} href={s.href} target="_blank" rel="noopener noreferrer nofollow">
                {s.text}
              </a>
            ) : s.kind === "mention" ? (
              <strong key={j} className="mention">
                {s.text}
              </strong>
            ) : (
              <span key={j}>{s.text}</span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}
