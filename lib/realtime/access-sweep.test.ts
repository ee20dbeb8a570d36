import { describe, expect, it, vi } from "vitest";
import type { WebSocket } from "ws";
import type { SessionUser } from "../auth/session.ts";
import { endSessions, recheckSessions } from "./access-sweep.ts";
import type { Member } from "./connect.ts";
import { CLOSE } from "./protocol.ts";

function socketOf(userId: string, sessionVersion: number) {
  const ws = { close: vi.fn() } as unknown as WebSocket & { close: ReturnType<typeof vi.fn> };
  const member = { conn: { userId }, sessionVersion } as unknown as Member;
  return [ws, member] as const;
}

const user = (id: string, sessionVersion: number) => ({ id, sessionVersion, mustChangePassword: false }) as SessionUser;

describe("session re-check of open sockets", () => {
  it("closes with 4402 the sockets whose session version moved on or whose user is gone, and only those", async () => {
    const current = socketOf("a", 3);
    const stale = socketOf("a", 2);
    const gone = socketOf("b", 0);
    const members = new Map([current, stale, gone]);
    const lookup = vi.fn(async (id: string) => (id === "a" ? user("a", 3) : null));
    await recheckSessions(members, lookup);
    expect(current[0].close).not.toHaveBeenCalled();
    expect(stale[0].close).toHaveBeenCalledWith(CLOSE.sessionEnded, "session ended");
    expect(gone[0].close).toHaveBeenCalledWith(CLOSE.sessionEnded, "session ended");
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it("leaves sockets alone when the look-up fails (it is tried again at the next sweep)", async () => {
    const socket = socketOf("a", 1);
    await recheckSessions(new Map([socket]), async () => Promise.reject(new Error("busy")));
    expect(socket[0].close).not.toHaveBeenCalled();
  });

  it("ends every socket of a revoked user at once", () => {
    const mine = socketOf("a", 1);
    const other = socketOf("b", 1);
    endSessions(new Map([mine, other]), (m) => m.conn.userId === "a");
    expect(mine[0].close).toHaveBeenCalledWith(CLOSE.sessionEnded, "session ended");
    expect(other[0].close).not.toHaveBeenCalled();
  });
});
