import type { WebSocket } from "ws";
import type { AccessMode } from "./protocol.ts";

/** One websocket in a room, with what it may do. */
export class Connection {
  /**
   * The awareness client id this connection owns: the first one it announced that no other
   * connection held (removed when it leaves). A connection owns at most one, as a stock provider has.
   */
  readonly awarenessIds = new Set<number>();
  private tokens: number;
  private refilledAt = Date.now();

  constructor(
    readonly ws: WebSocket,
    readonly userId: string,
    /** The signed-in user's display name, stamped on every presence state this connection sends. */
    readonly userName: string,
    readonly mode: AccessMode,
    private readonly awarenessPerSecond: number,
  ) {
    this.tokens = awarenessPerSecond * 2;
  }

  /** Token bucket for awareness updates (bursts up to twice the rate). */
  takeAwarenessToken(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.awarenessPerSecond * 2, this.tokens + ((now - this.refilledAt) / 1000) * this.awarenessPerSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
