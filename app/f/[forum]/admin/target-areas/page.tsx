import type { Metadata } from "next";
import { adminPageTitle, getT, requireForumAdmin } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { listTargetAreas } from "@/lib/db/target-areas";
import { presentTargetArea } from "@/lib/presenters/admin";
import { TargetAreaCreateForm, TargetAreaEditForm } from "@/components/admin/target-area-forms";
import { pages } from "@/lib/urls";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminPageTitle(params, "admin.targetAreas");
}

export default async function AdminTargetAreasPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForumAdmin(forum, pages.adminTargetAreas(forum));
  const t = await getT();
  const areas = await listTargetAreas(db(), access.forum.id, true);
  return (
    <div className="two-col two-col--wide-left">
      <section aria-labelledby="areas-title" className="stack">
        <h2 id="areas-title">{t("admin.targetAreas")}</h2>
        {areas.map((a) => (
          <TargetAreaEditForm key={a.id} forum={access.forum.slug}
            area={presentTargetArea(a)} />
        ))}
      </section>
      <TargetAreaCreateForm forum={access.forum.slug} />
    </div>
  );
}
