import { describe, expect, it } from "vitest";
import { EditStretches } from "./edit-stretches.ts";

const GAP = 5 * 60_000;
const min = (n: number) => n * 60_000;

describe("EditStretches: a change is a stretch of editing by one user", () => {
  it("counts one change for edits closer together than the gap, a new one after a longer pause", () => {
    const s = new EditStretches(GAP);
    const t0 = 1_000_000;
    expect(s.note("ole", t0)).toBe(true);
    expect(s.note("ole", t0 + min(1))).toBe(false);
    expect(s.note("ole", t0 + min(5))).toBe(false); // 4 minutes after the previous edit
    expect(s.note("ole", t0 + min(10) + 1)).toBe(true); // more than 5 minutes after the previous edit
    expect(s.take()).toEqual([{ userId: "ole", changes: 2, lastEditAt: new Date(t0 + min(10) + 1) }]);
    expect(s.take()).toEqual([]);
  });

  it("the gap is measured from each user's own previous edit, not from anyone's", () => {
    const s = new EditStretches(GAP);
    s.note("ole", 0);
    s.note("marte", min(4));
    expect(s.note("ole", min(6))).toBe(true);
    expect(s.note("marte", min(6))).toBe(false);
    const taken = s.take().sort((a, b) => a.userId.localeCompare(b.userId));
    expect(taken.map((t) => [t.userId, t.changes])).toEqual([["marte", 1], ["ole", 2]]);
  });

  it("going on with a stretch after a store adds no change but moves the last edit", () => {
    const s = new EditStretches(GAP);
    s.note("ole", 0);
    s.take();
    expect(s.note("ole", min(2))).toBe(false);
    expect(s.take()).toEqual([{ userId: "ole", changes: 0, lastEditAt: new Date(min(2)) }]);
  });

  it("remembers stored edits: a room loaded again does not count the same stretch twice", () => {
    const s = new EditStretches(GAP);
    s.remember("ole", new Date(min(10)));
    expect(s.note("ole", min(12))).toBe(false);
    expect(s.note("marte", min(12))).toBe(true);
  });

  it("a failed store gives its increments back, merged with what came meanwhile", () => {
    const s = new EditStretches(GAP);
    s.note("ole", 0);
    const failed = s.take();
    s.note("ole", min(20));
    s.giveBack(failed);
    expect(s.take()).toEqual([{ userId: "ole", changes: 2, lastEditAt: new Date(min(20)) }]);
  });

  it("a gap of 0 counts every edit as a change (tests use it)", () => {
    const s = new EditStretches(0);
    s.note("ole", 1);
    s.note("ole", 2);
    s.note("ole", 3);
    expect(s.take()[0]!.changes).toBe(3);
  });
});
