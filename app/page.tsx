import Link from "next/link";
import { redirect } from "next/navigation";
import { getT, requireUser } from "@/lib/auth/page-guards";
import { db } from "@/lib/db/client";
import { listForumsForUser } from "@/lib/db/forums";
import { pages } from "@/lib/urls";

export default async function HomePage() {
  const user = await requireUser("/");
  const forums = await listForumsForUser(db(), user.id);
  if (forums.length === 1) redirect(pages.forum(forums[0]!.slug));
  const t = await getT();
  return (
    <div className="container">
      <h1>{t("home.title")}</h1>
      {forums.length === 0 ? (
        <p className="empty">{t("home.noForums")}</p>
      ) : (
        <ul className="card-list">
          {forums.map((f) => (
            <li key={f.id} className="card">
              <h2 className="card__title">
                <Link href={pages.forum(f.slug)}>{f.name}</Link>
              </h2>
              <p className="muted">{t(`roles.forum.${f.role}`)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
