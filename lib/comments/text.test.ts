import { describe, expect, it } from "vitest";
import { commentPreview, commentSegments, findMentions } from "./text.ts";

const ole = { id: "u1", name: "Ole" };
const oleH = { id: "u2", name: "Ole Hansen" };
const marte = { id: "u3", name: "Marte Ødegård" };
const members = [ole, oleH, marte];

describe("mentions", () => {
  it("finds full names after @, any case, longest first", () => {
    expect(findMentions("@Ole Hansen og @marte ødegård, kan dere se på dette?", members)).toEqual(["u2", "u3"]);
    expect(findMentions("Spør @Ole.", members)).toEqual(["u1"]);
  });

  it("ignores e-mail addresses, partial names and non-members", () => {
    expect(findMentions("skriv til ole@Ole.no", members)).toEqual([]);
    expect(findMentions("@Olea og @Kari Nordmann", members)).toEqual([]);
    expect(findMentions("@ Ole", members)).toEqual([]);
  });

  it("counts each member once", () => {
    expect(findMentions("@Ole @Ole @ole", members)).toEqual(["u1"]);
  });
});

describe("comment segments", () => {
  it("splits text, links and mentions and never yields markup", () => {
    expect(commentSegments("Se https://example.org/rapport.pdf, @Marte Ødegård <b>nå</b>", [marte])).toEqual([
      { kind: "text", text: "Se " },
      { kind: "link", text: "https://example.org/rapport.pdf", href: "https://example.org/rapport.pdf" },
      { kind: "text", text: ", " },
      { kind: "mention", text: "@Marte Ødegård", userId: "u3" },
      { kind: "text", text: " <b>nå</b>" },
    ]);
  });

  it("links only http and https", () => {
    expect(commentSegments("javascript:alert(1) og ftp://x.no", []).every((s) => s.kind === "text")).toBe(true);
  });

  it("highlights only the members who were mentioned", () => {
    expect(commentSegments("@Ole sa hei", []).map((s) => s.kind)).toEqual(["text"]);
  });
});

describe("preview", () => {
  it("flattens whitespace and shortens long comments", () => {
    expect(commentPreview("a\n\n b")).toBe("a b");
    expect(commentPreview("x".repeat(200), 10)).toBe("xxxxxxxxx…");
  });
});
