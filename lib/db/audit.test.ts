import { describe, expect, it } from "vitest";
import { contentDigest, digestsOf, entryProblem, GENESIS_HASH, macEvent, macEventDigests, type StoredEntry } from "./audit.ts";

const KEY = "k".repeat(40);

/** A scheme-2 entry as appendAudit writes it. */
function entry(content: { before: string | null; after: string | null; ip: string | null }): StoredEntry {
  const fields = {
    chain: "forum-a", seq: 1, prevHash: GENESIS_HASH, forumId: "forum-a", actorId: "u1", action: "user.create", entityType: "User",
    entityId: "u2", createdAt: new Date("2026-12-01T10:00:00Z"), ...content,
  };
  const digests = digestsOf(KEY, fields);
  return { ...fields, ...digests, scheme: 2, redactedAt: null, hash: macEventDigests(KEY, { ...fields, ...digests }) };
}

const original = { before: null, after: JSON.stringify({ name: "Zelda Quist", email: "zelda@example.no" }), ip: "10.1.2.3" };

describe("audit entries whose MAC covers digests of their content", () => {
  it("verify as written, and not under another key", () => {
    const e = entry(original);
    expect(entryProblem(KEY, e)).toBeNull();
    expect(entryProblem("x".repeat(40), e)).toBe("mac");
  });

  it("are keyed digests: the same text under another key, or another text, digests differently", () => {
    expect(contentDigest(KEY, "a")).toMatch(/^[0-9a-f]{64}$/);
    expect(contentDigest(KEY, "a")).not.toBe(contentDigest("x".repeat(40), "a"));
    expect(contentDigest(KEY, "a")).not.toBe(contentDigest(KEY, "b"));
    expect(contentDigest(KEY, null)).toBeNull();
  });

  it("still verify when erasure empties content and marks them redacted", () => {
    const e = { ...entry(original), after: null, ip: null, redactedAt: new Date() };
    expect(entryProblem(KEY, e)).toBeNull();
  });

  it("fail when content is emptied without the redaction mark", () => {
    expect(entryProblem(KEY, { ...entry(original), after: null })).toBe("mac");
  });

  it("fail when content is altered, redacted or not", () => {
    const altered = JSON.stringify({ name: "Someone Else", email: "else@example.no" });
    expect(entryProblem(KEY, { ...entry(original), after: altered })).toBe("mac");
    expect(entryProblem(KEY, { ...entry(original), ip: null, after: altered, redactedAt: new Date() })).toBe("redacted");
    expect(entryProblem(KEY, { ...entry(original), before: "{}", redactedAt: new Date() })).toBe("redacted");
  });

  it("fail when a digest is changed (it is under the MAC)", () => {
    const e = entry(original);
    const forged = { ...e, after: "{}", afterDigest: contentDigest(KEY, "{}") };
    expect(entryProblem(KEY, forged)).toBe("mac");
  });

  it("scheme 1 entries verify under the earlier MAC over the content itself", () => {
    const fields = { ...entry(original), scheme: 1 };
    const legacy = { ...fields, hash: macEvent(KEY, fields) };
    expect(entryProblem(KEY, legacy)).toBeNull();
    expect(entryProblem(KEY, { ...legacy, after: null, redactedAt: new Date() })).toBe("mac");
  });
});
