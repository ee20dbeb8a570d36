// Demo competence needs for "Kompetanseforum Østfold": made-up but plausible figures, a few regions,
// three years and one half-year, and links to the demo's recommendations and actions so that the
// gap view shows every kind of coverage. Written for Samråd.

type AreaKey = "relevant" | "lifelong" | "inclusion";
type GroupKey = "relevant" | "lifelong" | "inclusion";

export const demoRegions = ["Fredrikstad", "Sarpsborg", "Moss", "Halden", "Indre Østfold"] as const;

export interface DemoNeed {
  group: GroupKey;
  area: AreaKey;
  title: string;
  field: string;
  region: (typeof demoRegions)[number] | null;
  period: string;
  demand: number;
  supply: number;
  unit: "PERSONS" | "APPRENTICESHIPS" | "STUDY_PLACES" | "FTE";
  source: string;
  /** Titles of the demo documents and actions that answer it. */
  documents?: string[];
  actions?: string[];
}

const nav = "NAV Bedriftsundersøkelsen";
const fk = "Østfold fylkeskommune, inntak og formidling";

export const demoNeeds: DemoNeed[] = [
  { group: "relevant", area: "relevant", title: "Helsefagarbeidere i Fredrikstad", field: "Helsefagarbeider", region: "Fredrikstad", period: "2024", demand: 90, supply: 70, unit: "PERSONS", source: nav },
  { group: "relevant", area: "relevant", title: "Sykepleiere i fylket", field: "Sykepleier", region: null, period: "2024", demand: 300, supply: 250, unit: "PERSONS", source: nav },
  { group: "relevant", area: "relevant", title: "Helsefagarbeidere i Fredrikstad", field: "Helsefagarbeider", region: "Fredrikstad", period: "2025", demand: 100, supply: 75, unit: "PERSONS", source: nav },
  { group: "relevant", area: "relevant", title: "Sykepleiere i fylket", field: "Sykepleier", region: null, period: "2025", demand: 320, supply: 250, unit: "PERSONS", source: nav },
  { group: "relevant", area: "relevant", title: "Helsefagarbeidere i Fredrikstad", field: "Helsefagarbeider", region: "Fredrikstad", period: "2026", demand: 120, supply: 85, unit: "PERSONS", source: nav },
  { group: "relevant", area: "relevant", title: "Helsefagarbeidere i Sarpsborg", field: "Helsefagarbeider", region: "Sarpsborg", period: "2026", demand: 80, supply: 60, unit: "PERSONS", source: nav },
  { group: "relevant", area: "relevant", title: "Sykepleiere i fylket", field: "Sykepleier", region: null, period: "2026", demand: 340, supply: 255, unit: "PERSONS", source: nav },
  { group: "relevant", area: "relevant", title: "Industrifagoperatører i Moss", field: "Industrifagoperatør", region: "Moss", period: "2026", demand: 45, supply: 20, unit: "PERSONS", source: nav },
  { group: "relevant", area: "relevant", title: "Industrifagoperatører i Moss, første halvår", field: "Industrifagoperatør", region: "Moss", period: "2026-H1", demand: 25, supply: 12, unit: "PERSONS", source: nav },
  {
    group: "relevant", area: "relevant", title: "Læreplasser i helsearbeiderfaget", field: "Helsearbeiderfaget", region: null, period: "2026", demand: 60, supply: 38, unit: "APPRENTICESHIPS", source: fk,
    documents: ["Anbefaling: flere læreplasser i helsearbeiderfaget"], actions: ["Hente tall for læreplasser fra alle kommunene"],
  },
  { group: "lifelong", area: "lifelong", title: "Fagskoleplasser i automasjon", field: "Automasjon (fagskole)", region: null, period: "2025", demand: 40, supply: 30, unit: "STUDY_PLACES", source: fk },
  {
    group: "lifelong", area: "lifelong", title: "Fagskoleplasser i automasjon", field: "Automasjon (fagskole)", region: null, period: "2026", demand: 60, supply: 35, unit: "STUDY_PLACES", source: fk,
    documents: ["Anbefaling: moduler i fagskolen som kan tas ved siden av jobb"],
  },
  { group: "lifelong", area: "lifelong", title: "Ledere i helse og omsorg i Halden", field: "Ledelse i helse og omsorg", region: "Halden", period: "2026", demand: 30, supply: 22, unit: "PERSONS", source: nav },
  { group: "inclusion", area: "inclusion", title: "Norsk på B1-nivå for helsefag", field: "Helsefagarbeider", region: "Fredrikstad", period: "2025", demand: 50, supply: 30, unit: "PERSONS", source: nav },
  {
    group: "inclusion", area: "inclusion", title: "Norsk på B1-nivå for helsefag", field: "Helsefagarbeider", region: "Fredrikstad", period: "2026", demand: 70, supply: 40, unit: "PERSONS", source: nav,
    documents: ["Anbefaling: språkopplæring kombinert med arbeidspraksis"],
  },
  {
    group: "inclusion", area: "inclusion", title: "Arbeidspraksis i industrien", field: "Industrifagoperatør", region: "Indre Østfold", period: "2026", demand: 25, supply: 8, unit: "PERSONS", source: nav,
    actions: ["Finne tre bedrifter som vil prøve språkpraksis"],
  },
  { group: "inclusion", area: "inclusion", title: "Renholdsoperatører i Sarpsborg", field: "Renholdsoperatør", region: "Sarpsborg", period: "2026", demand: 20, supply: 15, unit: "PERSONS", source: nav },
];
