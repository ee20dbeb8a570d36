import { describe, expect, it } from "vitest";
import type { DecisionRecord } from "../db/decision-records.ts";
import { translator } from "../i18n/index.ts";
import { auditActionText, decisionRecordFilename, decisionRecordMarkdown, recordDateTime } from "./decision-record.ts";

const at = (s: string) => new Date(s);
const record: DecisionRecord = {
  forum: { id: "f", slug: "ostfold", name: "Kompetanseforum Østfold" },
  group: { id: "g", name: "Kompetansegruppe inkludering", kind: "COMPETENCE" },
  document: { id: "d", title: "Ærlig talt: «Øvelse» på Ås?", kind: "RECOMMENDATION" },
  version: { id: "v", number: 4, name: "", sha256: "ab".repeat(32), text: "# ikke overskrift\n\n- ikke liste *ikke kursiv* [ikke lenke](x) <b>ikke html</b>", html: "", createdAt: at("2026-06-01T10:00:00Z"), createdBy: "Marte Nilsen" },
  request: {
    id: "r", status: "CHANGES_REQUESTED", rule: { quorum: 3, majority: 50, blockStops: false, closer: "PROJECT_LEADER" }, coverNote: "",
    requestedBy: "Marte Nilsen", createdAt: at("2026-06-01T10:00:00Z"), outcomeStatement: "Skriv om | tabellen.\nOg resten.", decidedAt: at("2026-01-15T23:30:00Z"), decidedBy: null,
  },
  votes: [{ userId: "u", name: "Knut | Andersen", choice: "BLOCK", reason: "Linje én\nlinje to", castAt: at("2026-06-02T08:00:00Z"), updatedAt: at("2026-06-02T08:00:00Z"), changed: false }],
  audit: [{ id: 1, at: at("2026-06-01T10:00:00Z"), action: "something.else", actor: null }],
};

describe("decision record wording", () => {
  const nb = translator("nb");
  const en = translator("en");

  it("prints times in Norwegian time, numerically, in the reader's layout", () => {
    expect(recordDateTime(at("2026-01-15T23:30:00Z"), nb)).toBe("16.01.2026 kl. 00:30");
    expect(recordDateTime(at("2026-07-01T10:05:00Z"), en)).toBe("01/07/2026 12:05");
  });

  it("names audit actions in words, and unknown ones by their code", () => {
    expect(auditActionText("approval.vote.change", nb)).toBe("Endret stemmen sin");
    expect(auditActionText("approval.close", en)).toBe("Recorded the outcome");
    expect(auditActionText("something.else", nb)).toBe("something.else");
  });

  it("makes a safe ASCII file name from any title", () => {
    expect(decisionRecordFilename(record, nb, "pdf")).toBe("vedtaksprotokoll-aerlig-talt-oevelse-paa-aas-v4.pdf");
    expect(decisionRecordFilename({ ...record, document: { ...record.document, title: "«»/\\\"" } }, en, "md")).toBe("decision-record-document-v4.md");
  });
});

describe("decisionRecordMarkdown", () => {
  const md = decisionRecordMarkdown(record, translator("nb"), { now: at("2026-06-03T12:00:00Z") });

  it("escapes text so nothing in it becomes Markdown structure", () => {
    expect(md).toContain("\\# ikke overskrift");
    expect(md).toContain("\\- ikke liste \\*ikke kursiv\\* \\[ikke lenke\\](x) \\<b\\>ikke html\\</b\\>");
    expect(md).toContain("| Knut \\| Andersen | Blokkerer | Linje én linje to | 02.06.2026 kl. 10:00 |");
    expect(md).toContain("> Skriv om \\| tabellen.\n> Og resten.");
  });

  it("says what is unknown and which rule applied", () => {
    expect(md).toContain("- **Vedtaket registrert av:** ukjent");
    expect(md).toContain("blokkeringer stopper ikke godkjenning alene; utfallet registreres av prosjektlederen.");
    expect(md).toContain("## Behandlet tekst");
    expect(md).toContain("- 01.06.2026 kl. 12:00 – something.else – Systemet");
    expect(md).toContain(`\`${"ab".repeat(32)}\``);
  });
});
