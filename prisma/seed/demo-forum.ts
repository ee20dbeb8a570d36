// Demo content for "Kompetanseforum Østfold", written for Samråd (not copied from the forum's own pages).
// Used on first start when the database is empty and SEED_DEMO is not false.

/** The one password every demo account shares. Documented in README.md. */
export const DEMO_PASSWORD = "samrad-demo-2026";

export const demoForum = {
  slug: "ostfold",
  name: "Kompetanseforum Østfold",
  description:
    "Et regionalt samarbeid der fylkeskommunen, kommunene, NAV, utdanningsinstitusjonene og partene i arbeidslivet møtes for å få tilbud og behov for kompetanse i Østfold til å passe bedre sammen.",
};

export const demoTargetAreas = [
  {
    key: "relevant",
    name: "Tilstrekkelig relevant kompetanse",
    description: "Utdanningstilbud som svarer på det arbeidslivet i regionen faktisk trenger – i riktig omfang og på riktig nivå.",
  },
  {
    key: "lifelong",
    name: "Livslang læring",
    description: "Gjøre det enklere for voksne å ta etter- og videreutdanning mens de står i jobb.",
  },
  {
    key: "inclusion",
    name: "Inkludering og integrering",
    description: "Flere som står utenfor, kommer inn i arbeid gjennom kvalifisering tilpasset den enkelte.",
  },
] as const;

type GroupKey = "steering" | "project" | "relevant" | "lifelong" | "inclusion";

export const demoGroups: { key: GroupKey; kind: "STEERING" | "PROJECT" | "COMPETENCE"; name: string; mandate: string }[] = [
  {
    key: "steering",
    kind: "STEERING",
    name: "Styringsgruppen",
    mandate:
      "Setter retning for forumets arbeid, prioriterer mellom innsatsområdene og vedtar anbefalingene som kompetansegruppene legger fram.",
  },
  {
    key: "project",
    kind: "PROJECT",
    name: "Prosjektgruppen",
    mandate:
      "Koordinerer arbeidet mellom kompetansegruppene, holder oversikt over tiltak og ansvar, og forbereder saker til styringsgruppen.",
  },
  {
    key: "relevant",
    kind: "COMPETENCE",
    name: "Kompetansegruppe relevant kompetanse",
    mandate:
      "Kartlegger hvilke fag og yrker regionen mangler folk til, sammenligner med utdanningstilbudet og foreslår endringer i dimensjonering og innhold.",
  },
  {
    key: "lifelong",
    kind: "COMPETENCE",
    name: "Kompetansegruppe livslang læring",
    mandate:
      "Finner hindringene voksne møter når de vil lære mer, og foreslår fleksible tilbud som kan kombineres med jobb.",
  },
  {
    key: "inclusion",
    kind: "COMPETENCE",
    name: "Kompetansegruppe inkludering",
    mandate:
      "Ser på veiene inn i arbeid for dem som står utenfor, og foreslår tiltak der opplæring og arbeidspraksis går hånd i hånd.",
  },
];

export const demoUsers: {
  email: string;
  name: string;
  forumRole: "ADMIN" | "PROJECT_LEADER" | "MEMBER";
  groups: { key: GroupKey; role: "MEMBER" | "LEAD" }[];
}[] = [
  { email: "admin@samrad.example", name: "Astrid Berg", forumRole: "ADMIN", groups: [] },
  { email: "prosjektleder@samrad.example", name: "Lars Haugen", forumRole: "PROJECT_LEADER", groups: [{ key: "project", role: "LEAD" }] },
  { email: "styring1@samrad.example", name: "Ingrid Solberg", forumRole: "MEMBER", groups: [{ key: "steering", role: "LEAD" }] },
  { email: "styring2@samrad.example", name: "Knut Andersen", forumRole: "MEMBER", groups: [{ key: "steering", role: "MEMBER" }] },
  { email: "styring3@samrad.example", name: "Fatima Rahman", forumRole: "MEMBER", groups: [{ key: "steering", role: "MEMBER" }] },
  {
    email: "relevant1@samrad.example", name: "Marte Nilsen", forumRole: "MEMBER",
    groups: [{ key: "relevant", role: "LEAD" }, { key: "project", role: "MEMBER" }],
  },
  { email: "relevant2@samrad.example", name: "Ole Johansen", forumRole: "MEMBER", groups: [{ key: "relevant", role: "MEMBER" }] },
  {
    email: "livslang1@samrad.example", name: "Sara Lund", forumRole: "MEMBER",
    groups: [{ key: "lifelong", role: "LEAD" }, { key: "project", role: "MEMBER" }],
  },
  { email: "livslang2@samrad.example", name: "Jonas Dahl", forumRole: "MEMBER", groups: [{ key: "lifelong", role: "MEMBER" }] },
  {
    email: "inkludering1@samrad.example", name: "Amir Hassan", forumRole: "MEMBER",
    groups: [{ key: "inclusion", role: "LEAD" }, { key: "project", role: "MEMBER" }],
  },
  { email: "inkludering2@samrad.example", name: "Kari Moen", forumRole: "MEMBER", groups: [{ key: "inclusion", role: "MEMBER" }] },
];

export const demoDocuments: {
  group: GroupKey;
  kind: "RECOMMENDATION" | "NOTE" | "MINUTES";
  /** Where it stands with the steering group: sent for a decision (with one vote so far), or approved. */
  approval?: "OPEN" | "APPROVED";
  title: string;
  /** The opening paragraph; further paragraphs follow in `body`. */
  excerpt: string;
  body?: string[];
  targetAreas: (typeof demoTargetAreas)[number]["key"][];
  author: string;
}[] = [
  {
    group: "relevant", kind: "RECOMMENDATION", author: "relevant1@samrad.example",
    title: "Anbefaling: flere læreplasser i helsearbeiderfaget",
    excerpt: "Kommunene i regionen melder om mangel på helsefagarbeidere. Vi anbefaler at fylkeskommunen og kommunene sammen øker antall læreplasser med en fjerdedel innen to år.",
    body: [
      "Bakgrunn: Søkertallene til helse- og oppvekstfag er stabile, men mange elever får ikke læreplass og går over på andre løp.",
      "Tiltak: Hver kommune melder inn hvor mange lærlinger den kan ta imot, og fylkeskommunen følger opp formidlingen månedlig.",
    ],
    targetAreas: ["relevant"],
  },
  {
    group: "relevant", kind: "NOTE", author: "relevant2@samrad.example",
    title: "Kartlegging: kompetansebehov i industrien 2026",
    excerpt: "Sammendrag av intervjuer med tolv bedrifter om hvilke fagområder de sliter med å rekruttere til.",
    targetAreas: ["relevant"],
  },
  {
    group: "lifelong", kind: "RECOMMENDATION", approval: "OPEN", author: "livslang1@samrad.example",
    title: "Anbefaling: moduler i fagskolen som kan tas ved siden av jobb",
    excerpt: "Vi foreslår at fagskolen deler tre studietilbud inn i korte moduler med kveldsundervisning og nettbaserte samlinger.",
    targetAreas: ["lifelong", "relevant"],
  },
  {
    group: "inclusion", kind: "RECOMMENDATION", approval: "APPROVED", author: "inkludering1@samrad.example",
    title: "Anbefaling: språkopplæring kombinert med arbeidspraksis",
    excerpt: "Deltakere lærer norsk raskere når opplæringen skjer på arbeidsplassen. Vi anbefaler et felles opplegg mellom NAV, kommunene og tre bransjer.",
    targetAreas: ["inclusion"],
  },
  {
    group: "steering", kind: "MINUTES", author: "styring1@samrad.example",
    title: "Referat fra styringsgruppemøte i september",
    excerpt: "Styringsgruppen ba kompetansegruppene levere utkast til anbefalinger innen desember.",
    targetAreas: [],
  },
];

export const demoActions: {
  group: GroupKey;
  title: string;
  description: string;
  status: "OPEN" | "IN_PROGRESS" | "BLOCKED" | "DONE";
  owner: string | null;
  dueInDays: number | null;
  targetArea: (typeof demoTargetAreas)[number]["key"] | null;
}[] = [
  {
    group: "relevant", title: "Hente tall for læreplasser fra alle kommunene", status: "IN_PROGRESS",
    description: "Antall læreplasser i helsearbeiderfaget per kommune, siste tre år.", owner: "relevant2@samrad.example", dueInDays: 10, targetArea: "relevant",
  },
  {
    group: "relevant", title: "Invitere bransjeorganisasjonene til innspillsmøte", status: "OPEN",
    description: "", owner: "relevant1@samrad.example", dueInDays: 21, targetArea: "relevant",
  },
  {
    group: "lifelong", title: "Spørre fagskolen om kapasitet til kveldsmoduler", status: "OPEN",
    description: "", owner: "livslang2@samrad.example", dueInDays: -3, targetArea: "lifelong",
  },
  {
    group: "inclusion", title: "Finne tre bedrifter som vil prøve språkpraksis", status: "BLOCKED",
    description: "Venter på avklaring om finansiering fra NAV.", owner: "inkludering2@samrad.example", dueInDays: 14, targetArea: "inclusion",
  },
  {
    group: "project", title: "Sette opp felles tidsplan for anbefalingene", status: "DONE",
    description: "", owner: "prosjektleder@samrad.example", dueInDays: -7, targetArea: null,
  },
  {
    group: "project", title: "Forberede sak til styringsgruppen i januar", status: "OPEN",
    description: "", owner: null, dueInDays: 30, targetArea: null,
  },
];

/** The county and its municipalities (Østfold from 2024, with their official numbers). */
export const demoRegions: { name: string; kind: "COUNTY" | "MUNICIPALITY"; code: string }[] = [
  { name: "Østfold", kind: "COUNTY", code: "31" },
  { name: "Halden", kind: "MUNICIPALITY", code: "3101" },
  { name: "Moss", kind: "MUNICIPALITY", code: "3103" },
  { name: "Sarpsborg", kind: "MUNICIPALITY", code: "3105" },
  { name: "Fredrikstad", kind: "MUNICIPALITY", code: "3107" },
  { name: "Hvaler", kind: "MUNICIPALITY", code: "3110" },
  { name: "Råde", kind: "MUNICIPALITY", code: "3112" },
  { name: "Våler", kind: "MUNICIPALITY", code: "3114" },
  { name: "Skiptvet", kind: "MUNICIPALITY", code: "3116" },
  { name: "Indre Østfold", kind: "MUNICIPALITY", code: "3118" },
  { name: "Rakkestad", kind: "MUNICIPALITY", code: "3120" },
  { name: "Marker", kind: "MUNICIPALITY", code: "3122" },
  { name: "Aremark", kind: "MUNICIPALITY", code: "3124" },
];

/** Label on every demo figure: they are made up for the demo. */
export const DEMO_FIGURES_SOURCE = "Eksempeltall – ikke offisiell statistikk";
export const DEMO_FIGURES_NOTE = "Laget for å vise hvordan Samråd virker. Bytt dem ut med forumets egne tall, for eksempel ved import.";

type DemoNeed = {
  group: GroupKey;
  targetArea: (typeof demoTargetAreas)[number]["key"];
  title: string;
  field: string;
  styrk?: string;
  region: string | null;
  unit: "PERSONS" | "APPRENTICESHIPS" | "STUDY_PLACES" | "FTE";
  /** [period, demand, supply] — several periods make a trend. */
  figures: [string, number, number][];
  confidence: "LOW" | "MEDIUM" | "HIGH";
  /** Titles of the recommendations and actions that answer it. */
  answeredBy?: string[];
};

/** A realistic, clearly labelled example set for the three target areas, so the gap view is alive on first start. */
export const demoNeeds: DemoNeed[] = [
  { group: "relevant", targetArea: "relevant", title: "Helsefagarbeidere i kommunene", field: "Helsefagarbeider", styrk: "5321", region: null, unit: "PERSONS",
    figures: [["2024", 310, 205], ["2025", 335, 215], ["2026", 360, 230]], confidence: "MEDIUM", answeredBy: ["Anbefaling: flere læreplasser i helsearbeiderfaget"] },
  { group: "relevant", targetArea: "relevant", title: "Læreplasser i helsearbeiderfaget", field: "Helsearbeiderfaget", region: null, unit: "APPRENTICESHIPS",
    figures: [["2025", 225, 160], ["2026", 240, 170]], confidence: "HIGH", answeredBy: ["Anbefaling: flere læreplasser i helsearbeiderfaget", "Hente tall for læreplasser fra alle kommunene"] },
  { group: "relevant", targetArea: "relevant", title: "Sykepleiere", field: "Sykepleier", styrk: "2223", region: null, unit: "PERSONS",
    figures: [["2025", 180, 120], ["2026", 195, 125]], confidence: "MEDIUM" },
  { group: "relevant", targetArea: "relevant", title: "Elektrikere i Fredrikstad-området", field: "Elektriker", styrk: "7411", region: "Fredrikstad", unit: "PERSONS",
    figures: [["2026", 85, 60]], confidence: "LOW", answeredBy: ["Invitere bransjeorganisasjonene til innspillsmøte"] },
  { group: "relevant", targetArea: "relevant", title: "Industrimekanikere", field: "Industrimekaniker", styrk: "7233", region: "Sarpsborg", unit: "PERSONS",
    figures: [["2026", 40, 22]], confidence: "MEDIUM" },
  { group: "relevant", targetArea: "relevant", title: "Læreplasser i elektrofag", field: "Elektrofag", region: null, unit: "APPRENTICESHIPS",
    figures: [["2026", 150, 118]], confidence: "HIGH" },
  { group: "lifelong", targetArea: "lifelong", title: "Videreutdanning i helse ved fagskolen", field: "Helse (fagskole)", region: null, unit: "STUDY_PLACES",
    figures: [["2025", 110, 75], ["2026", 120, 75]], confidence: "MEDIUM", answeredBy: ["Anbefaling: moduler i fagskolen som kan tas ved siden av jobb"] },
  { group: "lifelong", targetArea: "lifelong", title: "Voksne som vil ta fagbrev", field: "Fagbrev for voksne", region: null, unit: "PERSONS",
    figures: [["2024", 380, 240], ["2025", 400, 260], ["2026", 420, 300]], confidence: "LOW" },
  { group: "lifelong", targetArea: "lifelong", title: "Kveldsmoduler i automasjon", field: "Automasjon", region: "Moss", unit: "STUDY_PLACES",
    figures: [["2026", 60, 20]], confidence: "MEDIUM",
    answeredBy: ["Anbefaling: moduler i fagskolen som kan tas ved siden av jobb", "Spørre fagskolen om kapasitet til kveldsmoduler"] },
  { group: "lifelong", targetArea: "lifelong", title: "Digital kompetanse i små bedrifter", field: "Digital kompetanse", region: "Indre Østfold", unit: "PERSONS",
    figures: [["2026-H1", 90, 35]], confidence: "LOW" },
  { group: "inclusion", targetArea: "inclusion", title: "Språkpraksisplasser", field: "Norskopplæring med arbeidspraksis", region: null, unit: "PERSONS",
    figures: [["2025", 140, 60], ["2026", 150, 70]], confidence: "MEDIUM",
    answeredBy: ["Anbefaling: språkopplæring kombinert med arbeidspraksis", "Finne tre bedrifter som vil prøve språkpraksis"] },
  { group: "inclusion", targetArea: "inclusion", title: "Arbeidstrening for unge ledige", field: "Arbeidstrening", region: "Halden", unit: "PERSONS",
    figures: [["2026", 65, 40]], confidence: "MEDIUM" },
  { group: "inclusion", targetArea: "inclusion", title: "Kvalifisering i renholdsfaget", field: "Renholdsoperatør", styrk: "9112", region: "Sarpsborg", unit: "PERSONS",
    figures: [["2026", 30, 28]], confidence: "HIGH" },
  { group: "inclusion", targetArea: "inclusion", title: "Tilrettelagte læreplasser", field: "Tilrettelagt opplæring", region: null, unit: "APPRENTICESHIPS",
    figures: [["2025", 45, 18], ["2026", 50, 26]], confidence: "MEDIUM" },
];
