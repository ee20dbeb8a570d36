/** New changes (and the time of the last edit) of one editor, not yet stored as a tally. */
export interface TallyIncrement {
  userId: string;
  /** Changes begun since the last store (0 when the editor only went on with one already counted). */
  changes: number;
  lastEditAt: Date;
}

/**
 * Counts "changes" per editor of one document for the grouped change notices: a change is a
 * stretch of editing by one user, and a new one begins when that user's previous edit was more than
 * `gapMs` ago. The last edit per user is kept in memory (seeded from the stored tallies when a room
 * loads); what is counted waits here until the room stores its next row and takes it with it.
 */
export class EditStretches {
  private readonly lastEdit = new Map<string, number>();
  private pending = new Map<string, { changes: number; lastEditAt: number }>();

  constructor(private readonly gapMs: number) {}

  /** Remembers an earlier edit (from storage) without counting it again. */
  remember(userId: string, at: Date) {
    const t = at.getTime();
    if ((this.lastEdit.get(userId) ?? -Infinity) < t) this.lastEdit.set(userId, t);
  }

  /** One edit by `userId` at `at`; true when it begins a new change. */
  note(userId: string, at: number = Date.now()): boolean {
    const last = this.lastEdit.get(userId);
    const begins = last === undefined || at - last > this.gapMs;
    this.lastEdit.set(userId, Math.max(at, last ?? at));
    const p = this.pending.get(userId) ?? { changes: 0, lastEditAt: at };
    if (begins) p.changes += 1;
    p.lastEditAt = Math.max(p.lastEditAt, at);
    this.pending.set(userId, p);
    return begins;
  }

  /** Whether anything waits to be stored. */
  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** Takes what waits to be stored (the caller stores it, or gives it back if that fails). */
  take(): TallyIncrement[] {
    const out = [...this.pending].map(([userId, p]) => ({ userId, changes: p.changes, lastEditAt: new Date(p.lastEditAt) }));
    this.pending = new Map();
    return out;
  }

  /** Puts back increments whose write failed, merged with what was counted meanwhile. */
  giveBack(list: readonly TallyIncrement[]) {
    for (const t of list) {
      const p = this.pending.get(t.userId) ?? { changes: 0, lastEditAt: t.lastEditAt.getTime() };
      p.changes += t.changes;
      p.lastEditAt = Math.max(p.lastEditAt, t.lastEditAt.getTime());
      this.pending.set(t.userId, p);
    }
  }
}
