import { describe, expect, it } from "vitest";
import { decideSignIn, mayUsePassword, parseDomains, type SignInFacts } from "./sign-in.ts";

const verified = { subject: "sub-1", email: "kari@fylke.no", emailVerified: true };
const none: SignInFacts = { allowedDomains: [], linked: null, byEmail: null, invitation: null };

describe("sign-in through an identity provider", () => {
  it("signs a linked identity in, unless the account is disabled", () => {
    expect(decideSignIn(verified, { ...none, linked: { userId: "u1", disabled: false } })).toEqual({ kind: "signin", userId: "u1" });
    expect(decideSignIn({ ...verified, emailVerified: false }, { ...none, linked: { userId: "u1", disabled: false } })).toEqual({ kind: "signin", userId: "u1" });
    expect(decideSignIn(verified, { ...none, linked: { userId: "u1", disabled: true } })).toEqual({ kind: "refuse", reason: "disabled" });
  });

  it("needs an address the provider has verified before it links or creates anything", () => {
    const facts = { ...none, allowedDomains: ["fylke.no"], byEmail: { userId: "u1", disabled: false, memberOfForum: true } };
    expect(decideSignIn({ ...verified, emailVerified: false }, facts)).toEqual({ kind: "refuse", reason: "unverified" });
    expect(decideSignIn({ ...verified, email: null }, facts)).toEqual({ kind: "refuse", reason: "unverified" });
  });

  it("links an existing member of the provider's forum by address, never an account of another forum", () => {
    expect(decideSignIn(verified, { ...none, byEmail: { userId: "u1", disabled: false, memberOfForum: true } })).toEqual({ kind: "link", userId: "u1", joinForum: null });
    const elsewhere = { ...none, allowedDomains: ["fylke.no"], invitation: { id: "i1", role: "ADMIN" as const }, byEmail: { userId: "u1", disabled: false, memberOfForum: false } };
    expect(decideSignIn(verified, elsewhere)).toEqual({ kind: "refuse", reason: "elsewhere" });
    expect(decideSignIn(verified, { ...none, byEmail: { userId: "u1", disabled: true, memberOfForum: true } })).toEqual({ kind: "refuse", reason: "disabled" });
  });

  it("creates an account only for an invited address or an allowed domain", () => {
    expect(decideSignIn(verified, { ...none, invitation: { id: "i1", role: "PROJECT_LEADER" } })).toEqual({ kind: "create", role: "PROJECT_LEADER", invitationId: "i1" });
    expect(decideSignIn(verified, { ...none, allowedDomains: ["kommune.no", "fylke.no"] })).toEqual({ kind: "create", role: "MEMBER", invitationId: null });
    expect(decideSignIn(verified, { ...none, allowedDomains: ["kommune.no"] })).toEqual({ kind: "refuse", reason: "not_invited" });
    // A domain is matched whole: "evil-fylke.no" and "fylke.no.evil" are other domains.
    expect(decideSignIn({ ...verified, email: "x@evil-fylke.no" }, { ...none, allowedDomains: ["fylke.no"] })).toEqual({ kind: "refuse", reason: "not_invited" });
    expect(decideSignIn({ ...verified, email: "x@fylke.no.evil" }, { ...none, allowedDomains: ["fylke.no"] })).toEqual({ kind: "refuse", reason: "not_invited" });
  });

  it("reads a domain list however it was typed", () => {
    expect(parseDomains(" Fylke.no, @kommune.no;nav.no\n fylke.no ")).toEqual(["fylke.no", "kommune.no", "nav.no"]);
    expect(parseDomains("")).toEqual([]);
  });

  it("takes a password only while every forum of the person takes passwords", () => {
    expect(mayUsePassword([true, true])).toBe(true);
    expect(mayUsePassword([])).toBe(true);
    expect(mayUsePassword([true, false])).toBe(false);
  });
});
