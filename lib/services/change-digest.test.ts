import { describe, expect, it } from "vitest";
import { digestNotifications } from "./change-digest.ts";

const doc = { id: "d1", forumId: "f1", title: "Fagskole" };
const ole = { userId: "u-ole", name: "Ole", changes: 1 };
const marte = { userId: "u-marte", name: "Marte", changes: 2 };
const detailOf = (list: ReturnType<typeof digestNotifications>, userId: string) => {
  const n = list.find((x) => x.userId === userId);
  return n ? (JSON.parse(n.detail!) as unknown) : null;
};

describe("digestNotifications: one grouped notice per follower", () => {
  it("tells each follower of everyone else's changes, most changes first", () => {
    const list = digestNotifications(doc, [ole, marte], ["u-ole", "u-marte", "u-lars"]);
    expect(list).toHaveLength(3);
    expect(detailOf(list, "u-lars")).toEqual({ changes: 3, editors: ["Marte", "Ole"] });
    expect(detailOf(list, "u-ole")).toEqual({ changes: 2, editors: ["Marte"] });
    expect(detailOf(list, "u-marte")).toEqual({ changes: 1, editors: ["Ole"] });
    expect(list.every((n) => n.type === "DOCUMENT_CHANGED" && n.documentId === "d1" && n.forumId === "f1" && n.title === "Fagskole")).toBe(true);
  });

  it("gives nothing to a follower whose own edits are the only ones, and nothing to non-followers", () => {
    const list = digestNotifications(doc, [ole], ["u-ole", "u-lars"]);
    expect(list.map((n) => n.userId)).toEqual(["u-lars"]);
    expect(digestNotifications(doc, [ole], [])).toEqual([]);
  });

  it("skips tallies with no changes", () => {
    expect(digestNotifications(doc, [{ ...ole, changes: 0 }], ["u-lars"])).toEqual([]);
  });
});
