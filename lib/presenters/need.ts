import type { NeedLinkRow, NeedRow } from "../db/needs.ts";
import { coverageOf, gapOf, type Coverage } from "../needs/coverage.ts";
import type { ActorStanding } from "../policies/actor.ts";
import { needAbilities, needFacts, type NeedAbilities } from "../policies/need.ts";
import type { Confidence, NeedUnit } from "../validation/need.ts";

export interface LinkedRecommendation {
  id: string;
  title: string;
  groupId: string;
  status: string;
  approved: boolean;
}

export interface LinkedAction {
  id: string;
  title: string;
  groupId: string;
  status: string;
  owner: { id: string; name: string } | null;
  /** Who is Accountable (a person or a group), if anyone. */
  accountable: string | null;
}

export interface NeedView {
  id: string;
  groupId: string;
  group: { id: string; name: string };
  title: string;
  description: string;
  field: string;
  styrk: string | null;
  nus: string | null;
  nace: string | null;
  region: { id: string; name: string } | null;
  period: string;
  demand: number;
  supply: number;
  gap: number;
  unit: NeedUnit;
  sourceName: string;
  sourceUrl: string | null;
  /** YYYY-MM-DD */
  sourceDate: string | null;
  confidence: Confidence;
  notes: string;
  targetArea: { id: string; name: string } | null;
  archived: boolean;
  imported: boolean;
  updatedAt: string;
  version: number;
  recommendations: LinkedRecommendation[];
  actions: LinkedAction[];
  coverage: Coverage;
  abilities: NeedAbilities;
}

function recommendationOf(l: NeedLinkRow): LinkedRecommendation | null {
  const d = l.document;
  return d ? { id: d.id, title: d.title, groupId: d.groupId, status: d.status, approved: d.approvedVersionId !== null } : null;
}

function actionOf(l: NeedLinkRow): LinkedAction | null {
  const a = l.actionItem;
  if (!a) return null;
  const acc = a.responsibilities[0];
  return { id: a.id, title: a.title, groupId: a.groupId, status: a.status, owner: a.owner, accountable: acc ? (acc.user?.name ?? acc.group?.name ?? null) : null };
}

/** A need as its viewer sees it: figures, gap, what answers it, its coverage and their abilities. */
export function presentNeed(viewer: ActorStanding, n: NeedRow): NeedView {
  const recommendations = n.links.map(recommendationOf).filter((x): x is LinkedRecommendation => x !== null);
  const actions = n.links.map(actionOf).filter((x): x is LinkedAction => x !== null);
  return {
    id: n.id, groupId: n.groupId, group: n.group, title: n.title, description: n.description, field: n.field,
    styrk: n.styrk, nus: n.nus, nace: n.nace, region: n.region, period: n.period, demand: n.demand, supply: n.supply,
    gap: gapOf(n), unit: n.unit as NeedUnit, sourceName: n.sourceName, sourceUrl: n.sourceUrl,
    sourceDate: n.sourceDate ? n.sourceDate.toISOString().slice(0, 10) : null, confidence: n.confidence as Confidence,
    notes: n.notes, targetArea: n.targetArea, archived: needFacts(n).archived, imported: n.importBatchId !== null,
    updatedAt: n.updatedAt.toISOString(), version: n.version, recommendations, actions,
    coverage: coverageOf({ recommendations, actions }),
    abilities: needAbilities(viewer, needFacts(n)),
  };
}
