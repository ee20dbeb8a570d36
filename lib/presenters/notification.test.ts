import { describe, expect, it } from "vitest";
import { translator } from "../i18n/index.ts";
import { changeSummary, groupNotifications, notificationText, parseChangeDetail, unreadItemCount } from "./notification.ts";

const nb = translator("nb");
const en = translator("en");
const nn = translator("nn");

describe("changeSummary: the grouped change notice in the reader's language", () => {
  // British English (en-GB): no serial comma.
  const rows: [number, string[], string, string, string][] = [
    [1, ["Ole"], "1 endring av Ole", "1 endring av Ole", "1 change by Ole"],
    [2, ["Ole"], "2 endringer av Ole", "2 endringar av Ole", "2 changes by Ole"],
    [3, ["Ole", "Marte"], "3 endringer av Ole og Marte", "3 endringar av Ole og Marte", "3 changes by Ole and Marte"],
    [4, ["Ole", "Marte", "Kari"], "4 endringer av Ole, Marte og Kari", "4 endringar av Ole, Marte og Kari", "4 changes by Ole, Marte and Kari"],
    [5, ["Ole", "Marte", "Kari", "Jonas"], "5 endringer av Ole, Marte og 2 andre", "5 endringar av Ole, Marte og 2 andre", "5 changes by Ole, Marte and 2 others"],
    [9, ["Ole", "Marte", "Kari", "Jonas", "Sara"], "9 endringer av Ole, Marte og 3 andre", "9 endringar av Ole, Marte og 3 andre", "9 changes by Ole, Marte and 3 others"],
  ];
  it.each(rows)("%i change(s) by %j", (changes, editors, bokmal, nynorsk, english) => {
    expect(changeSummary(nb, "nb", { changes, editors })).toBe(bokmal);
    expect(changeSummary(nn, "nn", { changes, editors })).toBe(nynorsk);
    expect(changeSummary(en, "en", { changes, editors })).toBe(english);
  });

  it("falls back to a plain phrase when the detail is missing or unreadable", () => {
    expect(changeSummary(nb, "nb", parseChangeDetail("not json"))).toBe("nye endringer");
    expect(changeSummary(en, "en", parseChangeDetail(""))).toBe("new changes");
    expect(parseChangeDetail('{"changes":2,"editors":["Ole",3]}')).toEqual({ changes: 2, editors: ["Ole"] });
  });
});

describe("notificationText", () => {
  it("fills a grouped change notice's summary and title", () => {
    const n = { type: "DOCUMENT_CHANGED", title: "Fagskole", detail: JSON.stringify({ changes: 3, editors: ["Ole", "Marte"] }) };
    expect(notificationText(nb, "nb", n)).toBe("«Fagskole»: 3 endringer av Ole og Marte");
    expect(notificationText(en, "en", n)).toBe("“Fagskole”: 3 changes by Ole and Marte");
  });

  it("leaves other types as they were", () => {
    expect(notificationText(nb, "nb", { type: "ASSIGNED", title: "Kartlegge", detail: "" })).toBe("Du har fått tiltaket «Kartlegge»");
  });
});

describe("notificationText: who did what", () => {
  const lars = { name: "Lars Haugen" };
  const status = (s: string) => JSON.stringify({ status: s });
  it("names the actor and the new status of a status change, with and without the title", () => {
    const n = { type: "STATUS_CHANGED", title: "Lærlingløftet", detail: status("IN_PROGRESS"), actor: lars };
    expect(notificationText(nb, "nb", n)).toBe("Lars Haugen satte status på «Lærlingløftet» til Pågår");
    expect(notificationText(nb, "nb", n, { short: true })).toBe("Lars Haugen satte status til Pågår");
    expect(notificationText(en, "en", n, { short: true })).toBe("Lars Haugen set the status to In progress");
  });

  it("names the actor of an assignment and of being made Accountable", () => {
    expect(notificationText(nb, "nb", { type: "ASSIGNED", title: "Kartlegge", detail: "", actor: lars }, { short: true })).toBe("Lars Haugen satte deg som eier");
    expect(notificationText(nb, "nb", { type: "ACCOUNTABLE", title: "Kartlegge", detail: "", actor: lars })).toBe("Lars Haugen gjorde deg ansvarlig (A) for «Kartlegge»");
  });

  it("falls back for notices made before they kept their actor or status", () => {
    expect(notificationText(nb, "nb", { type: "STATUS_CHANGED", title: "X", detail: "" })).toBe("Ny status på «X»");
    expect(notificationText(nb, "nb", { type: "STATUS_CHANGED", title: "X", detail: status("DONE") })).toBe("Ny status på «X»: Ferdig");
    expect(notificationText(nb, "nb", { type: "STATUS_CHANGED", title: "X", detail: "", actor: lars })).toBe("Lars Haugen endret status på «X»");
  });
});

describe("groupNotifications: one entry per item, newest first", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 10, minute));
  const n = (id: string, minute: number, about: { actionItemId?: string; documentId?: string }, read = false) => ({
    id, title: `T-${id}`, readAt: read ? at(59) : null, createdAt: at(minute), actionItemId: about.actionItemId ?? null, documentId: about.documentId ?? null,
  });
  const list = [
    n("a1", 1, { actionItemId: "act1" }, true), n("d1", 2, { documentId: "doc1" }), n("a2", 3, { actionItemId: "act1" }),
    n("x1", 4, {}), n("a3", 5, { actionItemId: "act1" }), n("x2", 0, {}, true),
  ];

  it("groups by action or document, orders groups by their newest notice and notices newest first", () => {
    const groups = groupNotifications(list);
    expect(groups.map((g) => [g.key, g.items.map((i) => i.id), g.unread])).toEqual([
      ["action:act1", ["a3", "a2", "a1"], 2],
      ["notice:x1", ["x1"], 1],
      ["document:doc1", ["d1"], 1],
      ["notice:x2", ["x2"], 0],
    ]);
    expect(groups[0]!.title).toBe("T-a3");
  });

  it("counts unread items, not notices: five changes to one action are one", () => {
    expect(unreadItemCount(list.filter((x) => !x.readAt))).toBe(3);
    expect(unreadItemCount([])).toBe(0);
  });
});
