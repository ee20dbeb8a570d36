import type { Metadata } from "next";
import Link from "next/link";
import { getT, requireForum } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { listGroups } from "@/lib/db/groups";
import { importLookups, listImportBatches, listImportSources } from "@/lib/db/imports";
import { importLimits } from "@/lib/imports/table";
import { mayCreateNeedIn } from "@/lib/policies/need";
import { presentImportBatch } from "@/lib/presenters/import";
import { pages } from "@/lib/urls";
import { ImportBatches } from "@/components/needs/import-batches";
import { ImportWizard } from "@/components/needs/import-wizard";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("imports.title") };
}

/** Import of figures: the steps for those who work in a group, and the forum's imports for everyone in it. */
export default async function NeedsImportPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForum(forum, pages.needsImport(forum));
  const t = await getT();
  const forumId = access.forum.id;
  const [groups, lookups, sources, batches] = await Promise.all([
    listGroups(db(), forumId), importLookups(db(), forumId), listImportSources(db(), forumId), listImportBatches(db(), forumId),
  ]);
  const limits = importLimits();
  return (
    <>
      <header className="page-header">
        <p className="breadcrumbs">
          <Link href={pages.needs(access.forum.slug)}>{t("imports.toRegister")}</Link>
        </p>
        <h1>{t("imports.title")}</h1>
        <p className="muted">{t("imports.intro")}</p>
      </header>
      <div className="stack">
        <ImportWizard
          forum={access.forum.slug}
          groups={groups.filter((g) => mayCreateNeedIn(access, g.id)).map((g) => ({ id: g.id, name: g.name }))}
          regions={lookups.regions.map((r) => ({ id: r.id, name: r.name }))}
          targetAreas={lookups.targetAreas}
          sources={sources}
          limits={{ maxBytes: limits.maxBytes, maxRows: limits.maxRows }}
        />
        <ImportBatches forum={access.forum.slug} batches={batches.map((b) => presentImportBatch(access, b))} />
      </div>
    </>
  );
}
