import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { jsonToYUpdate } from "../editor/render.ts";
import { blockIdGuard, repairBlockIds, textSimilarity } from "./block-id-guard.ts";
import { blocksWithId } from "./blocks.ts";
import { SERVER_ORIGIN } from "./room.ts";

const para = (id: string, text: string) => ({ type: "paragraph", attrs: { id }, content: [{ type: "text", text }] });
const bullets = (id: string, itemId: string, text: string) => ({
  type: "bulletList",
  attrs: { id },
  content: [{ type: "listItem", attrs: { id: itemId }, content: [para(`${itemId}-p`, text)] }],
});

/** A Y.Doc holding the given ProseMirror content, built through the real editor schema. */
function docOf(...content: object[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToYUpdate({ type: "doc", content }));
  return doc;
}

const ids = (doc: Y.Doc) => blocksWithId(doc).map((b) => b.id);
const texts = (doc: Y.Doc) => doc.getXmlFragment("default").toString();
function counter(prefix: string) {
  let n = 0;
  return () => `${prefix}${++n}`;
}
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe("repairBlockIds", () => {
  it("keeps an anchored id on the holder whose text the action was made from, wherever it stands", () => {
    // A split or concurrent edit left the anchored paragraph's id on a block before it as well.
    const doc = docOf(para("p1", "Innledning om fagbrev"), para("p1", "Flere læreplasser i helsearbeiderfaget trengs i alle kommuner"), para("x", "Slutt"));
    const anchored = new Map([["p1", "Flere læreplasser i helsearbeiderfaget trengs"]]);
    expect(repairBlockIds(doc, counter("new-"), anchored)).toBe(1);
    const after = blocksWithId(doc).map((b) => b.id);
    expect(after).toEqual(["new-1", "p1", "x"]);
    // Without an anchor the first holder keeps it.
    const plain = docOf(para("p1", "Innledning om fagbrev"), para("p1", "Flere læreplasser"));
    repairBlockIds(plain, counter("new-"));
    expect(blocksWithId(plain).map((b) => b.id)).toEqual(["p1", "new-1"]);
  });

  it("gives a block that lost its id a fresh one", () => {
    const doc = docOf(para("a", "har id"), para("b", "mistet id"));
    const lost = blocksWithId(doc)[1]!.element;
    lost.removeAttribute("id");
    expect(ids(doc)).toEqual(["a"]);
    expect(repairBlockIds(doc, counter("new-"))).toBe(1);
    expect(ids(doc)).toEqual(["a", "new-1"]);
  });

  it("scores text likeness case- and spacing-blind", () => {
    expect(textSimilarity("Flere  Læreplasser", "flere læreplasser")).toBe(1);
    expect(textSimilarity("læreplasser i helse", "læreplasser i helsefag")).toBeGreaterThan(textSimilarity("læreplasser i helse", "innledning"));
    expect(textSimilarity("", "noe")).toBe(0);
  });

  it("keeps the first holder's id (document order) and renames later ones, in one server transaction", () => {
    const doc = docOf(para("a", "first"), bullets("L", "i", "one"), para("a", "second"), bullets("L", "i", "two"));
    expect(ids(doc)).toEqual(["a", "L", "i", "i-p", "a", "L", "i", "i-p"]);
    const origins: unknown[] = [];
    doc.on("update", (_u: Uint8Array, origin: unknown) => origins.push(origin));

    expect(repairBlockIds(doc, counter("new-"))).toBe(4);

    expect(ids(doc)).toEqual(["a", "L", "i", "i-p", "new-1", "new-2", "new-3", "new-4"]);
    expect(origins).toEqual([SERVER_ORIGIN]);
    // The text is untouched; a second pass has nothing to do.
    expect(texts(doc)).toContain("first");
    expect(texts(doc)).toContain("two");
    expect(repairBlockIds(doc)).toBe(0);
    expect(origins).toHaveLength(1);
  });

  it("never hands out an id that is already in the document", () => {
    const doc = docOf(para("x", "1"), para("x", "2"), para("fresh-1", "3"));
    const ids_ = ["fresh-1", "fresh-1", "fresh-2"];
    expect(repairBlockIds(doc, () => ids_.shift()!)).toBe(1);
    expect(ids(doc)).toEqual(["x", "fresh-2", "fresh-1"]);
  });

  it("leaves a document whose blocks all have distinct ids alone", () => {
    const doc = docOf(para("a", "en"), para("b", "to"), bullets("L", "i", "tre"));
    const before = Y.encodeStateVector(doc);
    expect(repairBlockIds(doc)).toBe(0);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it("two editors that create the same id concurrently converge to unique ids through the server's repair", () => {
    const server = docOf(para("p1", "Innledning"));
    const a = new Y.Doc();
    const b = new Y.Doc();
    sync(server, a);
    sync(server, b);
    // Concurrent: both editors insert a bullet list carrying the same id (as a split or paste can).
    const list = (text: string) => {
      const el = new Y.XmlElement("bulletList");
      el.setAttribute("id", "dup");
      const p = new Y.XmlElement("paragraph");
      p.setAttribute("id", `p-${text}`);
      p.insert(0, [new Y.XmlText(text)]);
      el.insert(0, [p]);
      return el;
    };
    a.getXmlFragment("default").insert(0, [list("fra A")]);
    b.getXmlFragment("default").insert(1, [list("fra B")]);
    sync(server, a);
    sync(server, b);
    sync(server, a);
    expect(texts(a)).toBe(texts(b));
    expect(ids(server).filter((id) => id === "dup")).toHaveLength(2);
    const firstHolderText = blocksWithId(server).find((x) => x.id === "dup")!.element.toString();

    const repair: Uint8Array[] = [];
    server.on("update", (u: Uint8Array, origin: unknown) => origin === SERVER_ORIGIN && repair.push(u));
    expect(repairBlockIds(server)).toBe(1);
    expect(repair).toHaveLength(1);
    for (const client of [a, b]) Y.applyUpdate(client, repair[0]!);

    for (const doc of [server, a, b]) {
      expect(new Set(ids(doc)).size).toBe(ids(doc).length);
      expect(texts(doc)).toBe(texts(server));
    }
    // The first holder (an anchor made from it) keeps the id.
    expect(blocksWithId(a).find((x) => x.id === "dup")!.element.toString()).toBe(firstHolderText);
  });
});

describe("blockIdGuard (room extension)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("repairs at most once per interval however many changes arrive, and not after its own repair", async () => {
    vi.useFakeTimers();
    const doc = docOf(para("a", "x"));
    const log = vi.fn();
    const newId = vi.fn(counter("g-"));
    const guard = blockIdGuard(log, { intervalMs: 300, newId })({ doc, name: "document.test" });
    doc.on("update", (u: Uint8Array, origin: unknown) => guard.onChange?.(u, origin));

    await vi.advanceTimersByTimeAsync(0); // the load-time change above was not observed
    const add = (id: string) => {
      const el = new Y.XmlElement("paragraph");
      el.setAttribute("id", id);
      doc.getXmlFragment("default").push([el]);
    };
    add("a"); // first change: checked right away (nothing ran in the last 300 ms)
    await vi.advanceTimersByTimeAsync(0);
    expect(ids(doc)).toEqual(["a", "g-1"]);
    expect(log).toHaveBeenCalledTimes(1);

    add("a");
    add("a");
    await vi.advanceTimersByTimeAsync(100);
    expect(ids(doc)).toEqual(["a", "g-1", "a", "a"]); // still inside the interval
    await vi.advanceTimersByTimeAsync(250);
    expect(ids(doc)).toEqual(["a", "g-1", "g-2", "g-3"]);
    expect(log).toHaveBeenCalledTimes(2);

    // Its own repair scheduled nothing: no further run, however long we wait.
    await vi.advanceTimersByTimeAsync(5000);
    expect(newId).toHaveBeenCalledTimes(3);
  });

  it("repairs what is pending when the room unloads", async () => {
    vi.useFakeTimers();
    const doc = docOf(para("a", "x"));
    const guard = blockIdGuard(() => undefined, { intervalMs: 300, newId: counter("u-") })({ doc, name: "document.test" });
    doc.on("update", (u: Uint8Array, origin: unknown) => guard.onChange?.(u, origin));
    const el = new Y.XmlElement("paragraph");
    el.setAttribute("id", "a");
    doc.getXmlFragment("default").push([el]);
    await vi.advanceTimersByTimeAsync(0);
    doc.getXmlFragment("default").push([el.clone()]);
    await guard.onUnload?.();
    expect(ids(doc)).toEqual(["a", "u-1", "u-2"]);
  });
});
