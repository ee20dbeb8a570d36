import { describe, expect, it } from "vitest";
import { actionMessage, fieldChanges, parseStored } from "./view.ts";

describe("audit view", () => {
  it("maps dotted action codes to message keys, and unknown codes to a readable fallback", () => {
    expect(actionMessage("document.create")).toEqual({ key: "audit.actions.documentCreate" });
    expect(actionMessage("auth.signin.failed")).toEqual({ key: "audit.actions.authSigninFailed" });
    expect(actionMessage("made.up")).toEqual({ key: "audit.unknownAction", vars: { action: "made.up" } });
  });

  it("keeps unreadable content instead of throwing", () => {
    expect(parseStored("{not json")).toEqual({ ok: false, raw: "{not json" });
    expect(parseStored(null)).toEqual({ ok: true, value: undefined });
  });

  it("shows only changed fields, with ids replaced by names and bookkeeping left out", () => {
    const names = new Map([["ckuser00000000000000001", "Kari Nordmann"]]);
    const changes = fieldChanges(
      { id: "x", name: "Gammel", ownerId: null, version: 1 },
      { id: "x", name: "Ny", ownerId: "ckuser00000000000000001", version: 2 },
      names,
    );
    expect(changes).toEqual([
      { field: "name", label: "audit.fields.name", before: "Gammel", after: "Ny" },
      { field: "ownerId", label: "audit.fields.ownerId", before: "", after: "Kari Nordmann" },
    ]);
  });
});
