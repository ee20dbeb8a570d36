import type { Metadata } from "next";
import { getLocale, getT, requireUser } from "@/lib/auth/page-guards";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { cellText, columnLabel, readableColumns } from "@/lib/presenters/personal-data";
import { personalExport } from "@/lib/services/personal-export";
import { api, pages } from "@/lib/urls";
import { ScrollTable } from "@/components/ui/scroll-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("personalData.title") };
}

/** Everything Samråd holds about the signed-in person, one section per table, with the JSON download. */
export default async function PersonalDataPage() {
  const user = await requireUser(pages.accountData());
  const t = await getT();
  const locale = await getLocale();
  const data = await personalExport(user.id);
  return (
    <div className="container stack">
      <header className="page-header">
        <h1>{t("personalData.title")}</h1>
        <p className="lead">{t("personalData.intro")}</p>
        <p className="muted">{t("personalData.exportedAt", { time: formatDateTime(data.exportedAt, locale) })}</p>
        <p>
          <a className="button button--primary" href={api.accountExport()} download>
            {t("personalData.download")}
          </a>
        </p>
        <p className="field-hint">{t("personalData.downloadHint")}</p>
      </header>
      {data.schema.map((model) => {
        const rows = data[model];
        const section = t(`personalData.sections.${model}`);
        const columns = readableColumns(rows);
        const headingId = `section-${model}`;
        return (
          <section key={model} aria-labelledby={headingId} className="card stack" data-testid={`section-${model}`}>
            <h2 id={headingId}>
              {section} <span className="muted">({rows.length === 1 ? t("personalData.countOne") : t("personalData.count", { count: formatNumber(rows.length, locale) })})</span>
            </h2>
            {rows.length === 0 ? (
              <p className="empty">{t("personalData.empty")}</p>
            ) : (
              <ScrollTable label={section}
                head={columns.map((c) => <th key={c} scope="col">{columnLabel(c, t)}</th>)}>
                {rows.map((row, i) => (
                  <tr key={i}>
                    {columns.map((c) => {
                      const cell = cellText(row[c], locale, t, { model, field: c });
                      return (
                        <td key={c}>
                          {cell.text}
                          {cell.truncated ? <span className="visually-hidden"> {t("personalData.truncated")}</span> : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </ScrollTable>
            )}
          </section>
        );
      })}
    </div>
  );
}
