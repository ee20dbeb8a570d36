import type { Metadata } from "next";
import { getLocale, getT } from "@/lib/auth/page-guards";
import { statementPage } from "@/lib/services/site-texts";
import { StatementView } from "@/components/statements/statement-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("statements.accessibility") };
}

/** The installation's accessibility statement: public, no sign-in. */
export default async function Page() {
  return <StatementView {...await statementPage("accessibility", await getT(), await getLocale())} />;
}
