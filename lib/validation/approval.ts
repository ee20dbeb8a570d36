import { z } from "zod";
import { dateOnly } from "./action.ts";
import { longText, text, versionSchema } from "./common.ts";

export const VOTE_CHOICES = ["APPROVE", "OBJECT", "ABSTAIN", "BLOCK"] as const;
export const OUTCOMES = ["APPROVED", "CHANGES_REQUESTED", "REJECTED"] as const;
export const CLOSERS = ["STEERING_LEAD", "PROJECT_LEADER", "STEERING_MEMBER"] as const;
export const COVER_NOTE_MAX = 2000;
export const REASON_MAX = 2000;
export const STATEMENT_MAX = 4000;

export const submitSchema = z.strictObject({
  coverNote: longText(COVER_NOTE_MAX).default(""),
  wishedDecisionDate: dateOnly.nullable().default(null),
});

export const voteSchema = z
  .strictObject({
    choice: z.enum(VOTE_CHOICES),
    reason: longText(REASON_MAX).default(""),
  })
  // An objection and a block must say why.
  .refine((v) => !(v.choice === "OBJECT" || v.choice === "BLOCK") || v.reason.length > 0, { error: "validation.reasonRequired", path: ["reason"] });

export const closeSchema = z.strictObject({
  outcome: z.enum(OUTCOMES),
  statement: text(2, STATEMENT_MAX, { multiline: true }),
});

export const forumSettingsSchema = z
  .strictObject({
    decisionQuorum: z.number().int().min(1).max(100),
    decisionMajority: z.number().int().min(0).max(99),
    decisionBlockStops: z.boolean(),
    decisionCloser: z.enum(CLOSERS),
    publicPage: z.boolean(),
    passwordSignIn: z.boolean(),
  })
  .partial()
  .extend({ version: versionSchema })
  .refine((v) => Object.keys(v).length > 1, { error: "validation.nothingToChange" });

export type SubmitInput = z.infer<typeof submitSchema>;
export type VoteInput = z.infer<typeof voteSchema>;
export type CloseInput = z.infer<typeof closeSchema>;
export type ForumSettingsInput = z.infer<typeof forumSettingsSchema>;
