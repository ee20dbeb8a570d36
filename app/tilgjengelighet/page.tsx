import type { Metadata } from "next";
import { getT } from "@/lib/auth/page-guards";
import { StatementPage } from "@/components/statements/statement-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("statements.accessibility") };
}

/** The installation's accessibility statement: public, no sign-in. */
export default function Page() {
  return <StatementPage which="accessibility" />;
}
