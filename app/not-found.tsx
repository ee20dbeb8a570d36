import type { Metadata } from "next";
import { getT } from "@/lib/auth/page-guards";
import { ProblemPage } from "@/components/layout/problem-page";

/** The 404 page's title says what happened. */
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("errors.notFoundTitle") };
}

export default async function NotFound() {
  const t = await getT();
  return <ProblemPage title={t("errors.notFoundTitle")} body={t("errors.notFoundBody")} linkText={t("errors.toFront")} />;
}
