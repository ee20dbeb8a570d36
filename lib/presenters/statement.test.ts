import { describe, expect, it } from "vitest";
import { statementBlocks } from "./statement.ts";

describe("statementBlocks", () => {
  it("reads headings, lists and paragraphs; markup stays text", () => {
    expect(statementBlocks("Intro line\nsecond line\n\n## Heading\n\n- one\n- two\n\n## Head\nBody <script>alert(1)</script>")).toEqual([
      { kind: "paragraph", lines: ["Intro line", "second line"] },
      { kind: "heading", text: "Heading" },
      { kind: "list", items: ["one", "two"] },
      { kind: "heading", text: "Head" },
      { kind: "paragraph", lines: ["Body <script>alert(1)</script>"] },
    ]);
    expect(statementBlocks("\r\n\r\n")).toEqual([]);
  });
});
