import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { cache } from "react";
import { getT, requireForum, titleUnlessRefused } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { listGroups } from "@/lib/db/groups";
import { listRegions } from "@/lib/db/needs";
import { listTargetAreas } from "@/lib/db/target-areas";
import { mayCreateNeedIn } from "@/lib/policies/need";
import { pages } from "@/lib/urls";
import { NeedCreateForm } from "@/components/needs/need-form";

type Props = { params: Promise<{ forum: string }> };

/** The groups the viewer may add needs to (none: the page answers 403). */
const load = cache(async (forum: string) => {
  const { access } = await requireForum(forum, pages.needNew(forum));
  const groups = await listGroups(db(), access.forum.id);
  return { access, own: groups.filter((g) => mayCreateNeedIn(access, g.id)) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { own } = await load((await params).forum);
  return titleUnlessRefused(own.length > 0, (await getT())("needs.newNeed"));
}

export default async function NewNeedPage({ params }: Props) {
  const { forum } = await params;
  const { access, own } = await load(forum);
  if (own.length === 0) forbidden();
  const t = await getT();
  const [areas, regions] = await Promise.all([listTargetAreas(db(), access.forum.id), listRegions(db(), access.forum.id)]);
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
