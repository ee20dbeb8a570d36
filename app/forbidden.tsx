import { getT } from "@/lib/auth/page-guards";
import { ProblemPage } from "@/components/layout/problem-page";

/** The 403 page (its title comes from the refusing page: see titleUnlessRefused in lib/auth/page-guards). */
export default async function Forbidden() {
  const t = await getT();
  return <ProblemPage title={t("errors.forbiddenTitle")} body={t("errors.forbiddenBody")} linkText={t("errors.toFront")} />;
}
