import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getT, requireForum } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { listGroups } from "@/lib/db/groups";
import { listRegions } from "@/lib/db/needs";
import { listTargetAreas } from "@/lib/db/target-areas";
import { mayCreateNeedIn } from "@/lib/policies/need";
import { pages } from "@/lib/urls";
import { NeedCreateForm } from "@/components/needs/need-form";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("needs.newNeed") };
}

export default async function NewNeedPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForum(forum, pages.needNew(forum));
  const t = await getT();
  const [groups, areas, regions] = await Promise.all([listGroups(db(), access.forum.id), listTargetAreas(db(), access.forum.id), listRegions(db(), access.forum.id)]);
  const own = groups.filter((g) => mayCreateNeedIn(access, g.id));
  if (own.length === 0) forbidden();
  return (
    <>
      <p className="breadcrumbs"><Link href={pages.needs(access.forum.slug)}>← {t("needs.backToRegister")}</Link></p>
      <header className="page-header page-header--tight">
        <h1>{t("needs.newNeed")}</h1>
      </header>
      <NeedCreateForm forum={access.forum.slug} choices={{ groups: own.map((g) => ({ id: g.id, name: g.name })), areas: areas.map((a) => ({ id: a.id, name: a.name })), regions }} />
    </>
  );
}
