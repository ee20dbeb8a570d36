import { getT } from "@/lib/auth/page-guards";
import { ProblemPage } from "@/components/layout/problem-page";

export default async function NotFound() {
  const t = await getT();
  return <ProblemPage title={t("errors.notFoundTitle")} body={t("errors.notFoundBody")} linkText={t("errors.toFront")} />;
}
