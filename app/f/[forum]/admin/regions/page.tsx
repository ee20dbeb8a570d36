import type { Metadata } from "next";
import { adminPageTitle, getT, requireForumAdmin } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { listRegions } from "@/lib/db/needs";
import { pages } from "@/lib/urls";
import { RegionCreateForm } from "@/components/admin/region-form";
import { ScrollTable } from "@/components/ui/scroll-table";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminPageTitle(params, "needs.regions");
}

/** The county and municipalities the forum's figures are about. */
export default async function AdminRegionsPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForumAdmin(forum, pages.adminRegions(forum));
  const t = await getT();
  const regions = await listRegions(db(), access.forum.id);
  return (
    <div className="two-col two-col--wide-left">
      <section aria-labelledby="regions-title" className="stack">
        <h2 id="regions-title">{t("needs.regions")}</h2>
        <p className="muted">{t("needs.regionsIntro")}</p>
        <ScrollTable labelledBy="regions-title">
          <thead>
            <tr><th scope="col">{t("needs.regionName")}</th><th scope="col">{t("needs.regionKind")}</th><th scope="col">{t("needs.regionCode")}</th></tr>
          </thead>
          <tbody>
            {regions.map((r) => (
              <tr key={r.id}><th scope="row">{r.name}</th><td>{t(r.kind === "COUNTY" ? "needs.kindCOUNTY" : "needs.kindMUNICIPALITY")}</td><td>{r.code ?? ""}</td></tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>
      <RegionCreateForm forum={access.forum.slug} />
    </div>
  );
}
