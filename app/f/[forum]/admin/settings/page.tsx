import type { Metadata } from "next";
import { adminPageTitle, requireForumAdmin } from "@/lib/auth/page-guards";
import { loadForumSettings } from "@/lib/db/approvals";
import { db } from "@/lib/db/client";
import { pages } from "@/lib/urls";
import { ForumSettingsForm } from "@/components/admin/settings-form";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminPageTitle(params, "settings.title");
}

export default async function ForumSettingsPage({ params }: Props) {
  const { forum } = await params;
  const { access } = await requireForumAdmin(forum, pages.adminSettings(forum));
  const settings = await loadForumSettings(db(), access.forum.id);
  return <ForumSettingsForm forum={access.forum.slug} settings={settings} />;
}
