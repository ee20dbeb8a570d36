import { describe, expect, it } from "vitest";
import { translator } from "../i18n/index.ts";
import { changeSummary, notificationText, parseChangeDetail } from "./notification.ts";

const nb = translator("nb");
const en = translator("en");

describe("changeSummary: the grouped change notice in the reader's language", () => {
  const rows: [number, string[], string, string][] = [
    [1, ["Ole"], "1 endring av Ole", "1 change by Ole"],
    [2, ["Ole"], "2 endringer av Ole", "2 changes by Ole"],
    [3, ["Ole", "Marte"], "3 endringer av Ole og Marte", "3 changes by Ole and Marte"],
    [4, ["Ole", "Marte", "Kari"], "4 endringer av Ole, Marte og Kari", "4 changes by Ole, Marte, and Kari"],
    [5, ["Ole", "Marte", "Kari", "Jonas"], "5 endringer av Ole, Marte og 2 andre", "5 changes by Ole, Marte, and 2 others"],
    [9, ["Ole", "Marte", "Kari", "Jonas", "Sara"], "9 endringer av Ole, Marte og 3 andre", "9 changes by Ole, Marte, and 3 others"],
  ];
  it.each(rows)("%i change(s) by %j", (changes, editors, bokmal, english) => {
    expect(changeSummary(nb, "nb", { changes, editors })).toBe(bokmal);
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
