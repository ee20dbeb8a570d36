import type { Metadata } from "next";
import { getT } from "@/lib/auth/page-guards";
import { ProblemPage } from "@/components/layout/problem-page";

/**
 * The 403 page's title says what happened, never the title of the page that was refused (pages and
 * layouts that can refuse ask the same guard in their generateMetadata, so Next uses this one).
 */
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("errors.forbiddenTitle") };
}

export default async function Forbidden() {
  const t = await getT();
  return <ProblemPage title={t("errors.forbiddenTitle")} body={t("errors.forbiddenBody")} linkText={t("errors.toFront")} />;
}
