import { z } from "zod";
import { emailSchema, text, versionSchema } from "./common.ts";
import { FORUM_ROLES } from "./user.ts";

/** The part of next-auth's provider id after "oidc-": lower case letters, digits and hyphens. */
export const PROVIDER_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * An issuer is an https address; plain http only on this machine (a provider a developer or the
 * test suite runs). No query or fragment: the discovery document is found under it.
 */
const issuerSchema = z.string().trim().max(300).refine((value) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  return (url.protocol === "https:" || (url.protocol === "http:" && local)) && !url.search && !url.hash && !url.username && !url.password;
}, { error: "validation.issuer" }).transform((v) => v.replace(/\/+$/, ""));

const domainsSchema = z.string().max(1000).transform((v, ctx) => {
  const domains = [...new Set(v.split(/[\s,;]+/).map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))];
  const bad = domains.filter((d) => !DOMAIN.test(d));
  if (bad.length) ctx.addIssue({ code: "custom", message: "validation.domains" });
  return domains.join(" ");
});

const fields = {
  displayName: text(2, 60),
  issuer: issuerSchema,
  clientId: text(1, 200),
  clientSecret: z.string().min(1, { error: "validation.required" }).max(500),
  allowedDomains: domainsSchema,
  enabled: z.boolean(),
};

export const providerCreateSchema = z.strictObject({
  ...fields,
  slug: z.string().regex(PROVIDER_SLUG, { error: "validation.providerSlug" }),
  allowedDomains: domainsSchema.default(""),
  enabled: z.boolean().default(true),
});

/** Every field may change but the slug (it is in the redirect address the provider has registered). */
export const providerUpdateSchema = z
  .strictObject(fields)
  .partial()
  .extend({ version: versionSchema })
  .refine((v) => Object.keys(v).length > 1, { error: "validation.nothingToChange" });

export const invitationCreateSchema = z.strictObject({
  email: emailSchema,
  role: z.enum(FORUM_ROLES).default("MEMBER"),
});

export type ProviderCreateInput = z.infer<typeof providerCreateSchema>;
export type ProviderUpdateInput = z.infer<typeof providerUpdateSchema>;
export type InvitationCreateInput = z.infer<typeof invitationCreateSchema>;
