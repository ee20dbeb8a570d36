import { describe, expect, it } from "vitest";
import type { PublicRecommendation } from "../db/public-pages.ts";
import { translator } from "../i18n/index.ts";
import { approvedFeedXml, groupByTargetArea } from "./public-page.ts";

const rec = (id: string, areas: { id: string; name: string; sortOrder: number }[], decidedAt = "2026-05-01T10:00:00Z"): PublicRecommendation => ({
  documentId: id, title: `Tittel ${id} & «sitat»`, groupName: "Gruppe", targetAreas: areas,
  version: { id: `v-${id}`, number: 2, sha256: "c".repeat(64), html: "<p>Tekst <b>med</b> æøå</p><script>x()</script>", createdAt: new Date("2026-04-01T10:00:00Z") },
  decidedAt: new Date(decidedAt), outcomeStatement: "Godkjent <uten> forbehold.",
});
const A = { id: "a", name: "Område A", sortOrder: 1 };
const B = { id: "b", name: "Område B", sortOrder: 2 };

describe("groupByTargetArea", () => {
  it("puts each recommendation once, under its first area in the forum's order, the rest last", () => {
    const areas = [{ ...A, description: "" }, { ...B, description: "" }, { id: "c", name: "Tomt", description: "" }];
    const sections = groupByTargetArea([rec("1", [B]), rec("2", [A, B]), rec("3", [])], areas);
    expect(sections.map((s) => [s.name, s.items.map((i) => i.documentId)])).toEqual([["Område A", ["2"]], ["Område B", ["1"]], [null, ["3"]]]);
  });
});

describe("approvedFeedXml", () => {
  const forum = { id: "f1", slug: "ostfold", name: "Forum <Østfold>", description: "", createdAt: new Date("2026-01-02T00:00:00Z"), updatedAt: new Date("2026-03-01T00:00:00Z") };

  it("writes Atom 1.0 with tag: ids, escaped html content and the newest decision as updated", () => {
    const xml = approvedFeedXml(forum, [rec("1", [A], "2026-05-02T10:00:00Z"), rec("2", [], "2026-05-01T10:00:00Z")], translator("nb"), { appUrl: "https://samrad.example.no/", lang: "nb-NO" });
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nb-NO">');
    expect(xml).toContain("<id>tag:samrad.example.no,2026-01-02:samrad/forum/f1/approved</id>");
    expect(xml).toContain("<title>Forum &lt;Østfold&gt;: godkjente anbefalinger</title>");
    expect(xml).toContain("<updated>2026-05-02T10:00:00.000Z</updated>");
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://samrad.example.no/p/ostfold/feed.xml"/>');
    expect(xml).toContain("<id>tag:samrad.example.no,2026-04-01:samrad/version/v-1</id>");
    expect(xml).toContain("<title>Tittel 1 &amp; «sitat» (versjon 2)</title>");
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://samrad.example.no/p/ostfold/1"/>');
    expect(xml).toContain('<content type="html">&lt;p&gt;Tekst &lt;b&gt;med&lt;/b&gt; æøå&lt;/p&gt;&lt;h2&gt;Styringsgruppens vedtak&lt;/h2&gt;&lt;p&gt;Godkjent &amp;lt;uten&amp;gt; forbehold.&lt;/p&gt;');
    expect(xml).not.toContain("script");
    expect(xml.match(/<entry>/g)).toHaveLength(2);
  });

  it("is a valid empty feed when nothing is approved (updated = the forum's)", () => {
    const xml = approvedFeedXml(forum, [], translator("en"), { appUrl: "http://localhost:3000", lang: "en-GB" });
    expect(xml).toContain("<updated>2026-03-01T00:00:00.000Z</updated>");
    expect(xml).toContain("<author><name>Forum &lt;Østfold&gt;</name></author>");
    expect(xml).not.toContain("<entry>");
  });
});
