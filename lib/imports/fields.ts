// What a column of an imported file can be: the fields of a need, and the column headings (Bokmål,
// Nynorsk and English) that guess each one when a source is imported for the first time.

/** The fields a column can be mapped to. `region` and `targetArea` are names or codes, matched against the forum's. */
export const IMPORT_FIELDS = [
  "field", "title", "demand", "supply", "period", "region", "unit", "targetArea", "styrk", "nus", "nace",
  "description", "notes", "sourceName", "sourceUrl", "sourceDate", "confidence",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields every import needs from a column. (`period` may instead be chosen for the whole file.) */
export const REQUIRED_COLUMNS: readonly ImportField[] = ["field", "demand", "supply"];

/** Headings that guess each field, folded (see foldHeader). */
const SYNONYMS: Record<ImportField, string[]> = {
  field: ["yrke", "fag", "yrke fag", "yrkesgruppe", "lærefag", "fagområde", "utdanning", "occupation", "field", "trade", "profession"],
  title: ["tittel", "navn", "namn", "title", "name"],
  demand: ["behov", "etterspørsel", "etterspurnad", "antall søkere", "tal på søkjarar", "søkere", "søkjarar", "søkere læreplass", "demand", "need", "applicants"],
  supply: ["tilbud", "tilbod", "tilgang", "godkjente kontrakter", "lærekontrakter", "kontrakter", "supply", "contracts", "approved contracts"],
  period: ["periode", "år", "aar", "skoleår", "skuleår", "period", "year"],
  region: ["kommune", "kommunenavn", "kommunenamn", "kommunenummer", "kommunenr", "region", "municipality"],
  unit: ["enhet", "eining", "måleenhet", "måleeining", "unit"],
  targetArea: ["målområde", "innsatsområde", "satsingsområde", "target area"],
  styrk: ["styrk", "styrk 08", "styrk08", "yrkeskode", "occupation code"],
  nus: ["nus", "nus kode", "utdanningskode", "education code"],
  nace: ["nace", "næring", "næringskode", "industry", "industry code"],
  description: ["beskrivelse", "skildring", "description"],
  notes: ["merknad", "merknader", "merknadar", "kommentar", "notater", "notes", "note", "comment", "comments"],
  sourceName: ["kilde", "kjelde", "source"],
  sourceUrl: ["lenke", "lenkje", "url", "kildelenke", "link", "source url"],
  sourceDate: ["dato", "kildedato", "publisert", "date", "source date"],
  confidence: ["sikkerhet", "sikkerheit", "pålitelighet", "pålitelegheit", "confidence"],
};

/** A heading as compared: lower case, without anything in brackets, punctuation as spaces, spaces collapsed. */
export function foldHeader(header: string): string {
  return header
    .normalize("NFC")
    .toLocaleLowerCase("nb")
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const BY_SYNONYM = new Map<string, ImportField>(Object.entries(SYNONYMS).flatMap(([field, words]) => words.map((w) => [foldHeader(w), field as ImportField] as const)));

/** The field a heading suggests, if any: the whole heading, else its first word(s) ("Behov 2026" → demand). */
export function guessField(header: string): ImportField | null {
  const folded = foldHeader(header);
  if (!folded) return null;
  const exact = BY_SYNONYM.get(folded);
  if (exact) return exact;
  const words = folded.split(" ");
  for (let n = words.length - 1; n >= 1; n--) {
    const hit = BY_SYNONYM.get(words.slice(0, n).join(" "));
    if (hit) return hit;
  }
  return null;
}

/** A first mapping for a file: each heading that suggests a field gets it (the first heading wins a field). */
export function guessMapping(headers: readonly string[]): Record<string, ImportField> {
  const mapping: Record<string, ImportField> = {};
  const taken = new Set<ImportField>();
  for (const header of headers) {
    if (!header) continue;
    const field = guessField(header);
    if (field && !taken.has(field)) {
      mapping[header] = field;
      taken.add(field);
    }
  }
  return mapping;
}

/** A remembered mapping, kept to the headings this file has. */
export function mappingForHeaders(remembered: Record<string, string>, headers: readonly string[]): Record<string, ImportField> {
  const present = new Set(headers);
  const out: Record<string, ImportField> = {};
  for (const [header, field] of Object.entries(remembered)) {
    if (present.has(header) && (IMPORT_FIELDS as readonly string[]).includes(field)) out[header] = field as ImportField;
  }
  return out;
}
