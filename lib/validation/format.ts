import type { z } from "zod";
import type { MessageKey, Translate } from "../i18n/index.ts";

/** Turns one zod issue into a sentence in the reader's language. */
export function describeIssue(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.message.startsWith("validation.")) return t(issue.message as MessageKey);
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? t("validation.required") : t("validation.tooShort", { min: Number(issue.minimum) });
      }
      return t("validation.tooSmall", { min: Number(issue.minimum) });
    case "too_big":
      return issue.origin === "string"
        ? t("validation.tooLong", { max: Number(issue.maximum) })
        : t("validation.tooBig", { max: Number(issue.maximum) });
    case "invalid_type":
      return issue.input === undefined ? t("validation.required") : t("validation.wrongType", { expected: issue.expected });
    case "invalid_value":
      return t("validation.choice", { options: issue.values.map(String).join(", ") });
    case "invalid_format":
      return issue.format === "email" ? t("validation.email") : t("validation.format");
    case "unrecognized_keys":
      return t("validation.unknownFields", { fields: issue.keys.join(", ") });
    default:
      return t("validation.format");
  }
}

/** Field name → first message for that field; `_form` holds issues without a path. */
export function fieldErrors(error: z.ZodError, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join(".") : "_form";
    out[field] ??= describeIssue(issue, t);
  }
  return out;
}

/** One readable line for an API response: "name: is too short …; email: …". */
export function summary(error: z.ZodError, t: Translate): string {
  return Object.entries(fieldErrors(error, t))
    .map(([field, message]) => (field === "_form" ? message : `${field}: ${message}`))
    .join("; ");
}
