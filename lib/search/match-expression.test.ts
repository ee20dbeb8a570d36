import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START, plainText, splitMarked, stripMarkers } from "./highlight.ts";
import { queryTokens, toMatchExpression, tsQueryExpression } from "./match-expression.ts";

describe("toMatchExpression: what is typed becomes quoted words only", () => {
  it("quotes every word, lower-cased, and makes the last a prefix while typing", () => {
    expect(toMatchExpression("Østfold fag")).toBe('"østfold" "fag"*');
    expect(toMatchExpression(" ØSTFOLD ")).toBe('"østfold"*');
    expect(toMatchExpression("hål", { prefixLast: false })).toBe('"hål"');
  });

  it("keeps æ, ø and å as letters (never folded to a/o)", () => {
    expect(queryTokens("Blåbær ØL hål")).toEqual(["blåbær", "øl", "hål"]);
  });

  it("turns FTS5 syntax into plain words or nothing", () => {
    const cases: [string, string | null][] = [
      ['"unclosed', '"unclosed"*'],
      ['NEAR(a b, 3)', '"near" "a" "b" "3"*'],
      ["title:secret", '"title" "secret"*'],
      ["-minus +plus ^caret", '"minus" "plus" "caret"*'],
      ["a AND b OR NOT c", '"a" "and" "b" "or" "not" "c"*'],
      ["*", null],
      ['"" () {} : * -', null],
      ["", null],
      ["\u0002x\u0003", '"x"*'],
    ];
    for (const [input, expected] of cases) expect(toMatchExpression(input), input).toBe(expected);
  });

  it("bounds the number and length of words", () => {
    expect(queryTokens("a ".repeat(100))).toHaveLength(12);
    expect(queryTokens("x".repeat(500))[0]).toHaveLength(64);
  });

  it("treats composed and decomposed å alike (NFC)", () => {
    expect(queryTokens("ha\u030Al")).toEqual(queryTokens("hål"));
  });
});

describe("highlight markers", () => {
  it("split a snippet into plain and marked parts, never HTML", () => {
    const snippet = `før ${MARK_START}Østfold${MARK_END} og <b>${MARK_START}fag${MARK_END}</b>`;
    expect(splitMarked(snippet)).toEqual([
      { text: "før ", marked: false },
      { text: "Østfold", marked: true },
      { text: " og <b>", marked: false },
      { text: "fag", marked: true },
      { text: "</b>", marked: false },
    ]);
    expect(plainText(snippet)).toBe("før Østfold og <b>fag</b>");
  });

  it("drop unbalanced markers, and stored text cannot carry them", () => {
    expect(splitMarked(`a${MARK_END}b${MARK_START}c`)).toEqual([{ text: "ab", marked: false }, { text: "c", marked: true }]);
    expect(stripMarkers(`x${MARK_START}y${MARK_END}z\n`)).toBe("x y z\n");
  });
});

describe("tsQueryExpression: the same words for PostgreSQL's to_tsquery", () => {
  it("quotes every word as a lexeme, requires all, and takes the last as a prefix", () => {
    expect(tsQueryExpression(queryTokens("Helse fagarb"))).toBe("'helse' & 'fagarb':*");
    expect(tsQueryExpression(queryTokens("Østfold"))).toBe("'østfold':*");
  });

  it("leaves nothing of tsquery's own syntax in what is typed", () => {
    const words = queryTokens("a & !b | (c:*) <-> 'd'");
    expect(words).toEqual(["a", "b", "c", "d"]);
    expect(tsQueryExpression(words)).toBe("'a' & 'b' & 'c' & 'd':*");
  });
});
