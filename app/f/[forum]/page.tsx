import type { Metadata } from "next";
import Link from "next/link";
import { getT, requireForum } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { getForumOverview } from "@/lib/db/forums";
import { isMemberOf } from "@/lib/policies/actor";
import { GroupCard } from "@/components/forum/group-card";
import { pages } from "@/lib/urls";

type Props = { params: Promise<{ forum: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { forum } = await params;
  const { access } = await requireForum(forum, pages.forum(forum));
  return { title: access.forum.name };
}

const KIND_ORDER = ["STEERING", "PROJECT", "COMPETENCE"] as const;

export default async function ForumHomePage({ params }: Props) {
  const { forum: slug } = await params;
  const { access } = await requireForum(slug, pages.forum(slug));
  const t = await getT();
  const overview = await getForumOverview(db(), access.forum.id);
  const mine = overview.groups.filter((g) => isMemberOf(access, g.id));

  return (
    <>
      <header className="page-header">
        <h1>{access.forum.name}</h1>
        {access.forum.description ? <p className="lead">{access.forum.description}</p> : null}
        <p className="muted">{t("forum.yourRole", { role: t(`roles.forum.${access.role}`) })}</p>
      </header>

      <section aria-labelledby="my-groups" className="section">
        <h2 id="my-groups">{t("forum.myGroups")}</h2>
        {mine.length === 0 ? (
          <p className="empty">{t("forum.noMyGroups")}</p>
        ) : (
          <ul className="chip-list">
            {mine.map((g) => (
              <li key={g.id}>
                <Link className="chip" href={pages.group(access.forum.slug, g.id)}>
                  {g.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="bodies" className="section">
        <h2 id="bodies">{t("forum.bodies")}</h2>
        <p className="muted">{t("forum.bodiesIntro")}</p>
        {overview.groups.length === 0 ? <p className="empty">{t("forum.noGroups")}</p> : null}
        {KIND_ORDER.map((kind) => {
          const groups = overview.groups.filter((g) => g.kind === kind);
          if (groups.length === 0) return null;
          return (
            <div key={kind} className="kind-block">
              <h3 className="kind-block__title">{t(`groupKindsPlural.${kind}`)}</h3>
              <p className="muted kind-block__help">{t(`groupKindHelp.${kind}`)}</p>
              <ul className="card-grid">
                {groups.map((g) => (
                  <GroupCard key={g.id} group={g} href={pages.group(access.forum.slug, g.id)} t={t} mine={isMemberOf(access, g.id)} />
                ))}
              </ul>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="target-areas" className="section">
        <h2 id="target-areas">{t("forum.targetAreas")}</h2>
        {overview.targetAreas.length === 0 ? (
          <p className="empty">{t("forum.noTargetAreas")}</p>
        ) : (
          <ol className="target-areas">
            {overview.targetAreas.map((a) => (
              <li key={a.id} className="card">
                <h3 className="card__title">
                  <Link href={pages.area(access.forum.slug, a.id)}>{a.name}</Link>
                </h3>
                {a.description ? <p>{a.description}</p> : null}
                {a.period ? <p className="muted">{t("forum.period", { period: a.period })}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
