import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "samrad-demo-2026";

export const demo = {
  admin: "admin@samrad.example",
  projectLeader: "prosjektleder@samrad.example",
  steering: "styring1@samrad.example",
  relevantLead: "relevant1@samrad.example",
  relevantMember: "relevant2@samrad.example",
  lifelongMember: "livslang2@samrad.example",
  inclusionMember: "inkludering2@samrad.example",
} as const;

/** Signs in through the real form and waits for the forum home. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, expectPath: RegExp = /\/f\/ostfold$/) {
  await page.goto("/login");
  await page.getByRole("textbox", { name: "E-post", exact: true }).fill(email);
  await page.getByLabel(/^Passord/).fill(password);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page).toHaveURL(expectPath);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current page. It is evaluated through the
 * DevTools protocol, so our CSP stays switched on while we test.
 */
export async function expectNoSeriousA11yViolations(page: Page) {
  // Next.js swaps the <title> during a client navigation or refresh (old one out, the new one
  // streamed in a moment later); axe checks the page once it has settled with its title.
  await expect(page).toHaveTitle(/\S/);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    // label-content-name-mismatch (WCAG 2.5.3, a visible label is part of the accessible name) is
    // marked experimental in axe, so it is switched on by name.
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      rules: { "label-content-name-mismatch": { enabled: true } },
    });
    return result.violations;
  });
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
