// What the administration's forms and API answers carry: the fields an edit form shows and the
// version it was opened on (a stale save is a 409 with these same shapes as `current`).

export function presentGroup(g: { id: string; name: string; kind: string; mandate: string; version: number }) {
  return { id: g.id, name: g.name, kind: g.kind, mandate: g.mandate, version: g.version };
}

export function presentTargetArea(a: { id: string; name: string; description: string; period: string; archivedAt: Date | null; version: number }) {
  return { id: a.id, name: a.name, description: a.description, period: a.period, archived: a.archivedAt !== null, version: a.version };
}

export type GroupView = ReturnType<typeof presentGroup>;
export type TargetAreaView = ReturnType<typeof presentTargetArea>;
