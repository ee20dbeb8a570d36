import { describe, expect, it } from "vitest";
import { filterSlashItems, SLASH_ITEMS } from "./slash-commands.ts";

const names: Record<string, string> = {
  "editor.slash.heading2": "Overskrift", "editor.slash.heading3": "Underoverskrift", "editor.slash.paragraph": "Avsnitt",
  "editor.slash.bulletList": "Punktliste", "editor.slash.orderedList": "Nummerert liste", "editor.slash.taskList": "Sjekkliste",
  "editor.slash.blockquote": "Sitat", "editor.slash.table": "Tabell", "editor.slash.image": "Bilde", "editor.slash.divider": "Skillelinje",
  "editor.slash.codeBlock": "Kodeblokk",
};
const label = (item: { label: string }) => names[item.label]!;
const ids = (q: string) => filterSlashItems(q, label).map((i) => i.id);

describe("filterSlashItems", () => {
  it("offers every block for an empty query", () => {
    expect(ids("")).toEqual(SLASH_ITEMS.map((i) => i.id));
  });
  it("puts names starting with the query first, then keyword matches", () => {
    expect(ids("ta")).toEqual(["table", "taskList"]);
    expect(ids("over")).toEqual(["heading2"]);
    expect(ids("h3")).toEqual(["heading3"]);
  });
  it("ignores case and accents, and finds nothing for nonsense", () => {
    expect(ids("TABELL")).toEqual(["table"]);
    expect(ids("xyzzy")).toEqual([]);
  });
});
