import type { ActionHistoryEntry } from "@/lib/presenters/action-history";
import type { Locale } from "@/lib/i18n";
import { formatTimestamp } from "@/lib/i18n/format";

/** An action's history as a list, newest first, each line with its time (server-rendered). */
export function ActionHistory({ entries, locale, labels }: {
  entries: ActionHistoryEntry[]; locale: Locale; labels: { title: string; intro: string; empty: string; toThread: string };
}) {
  return (
    <section className="card stack action-history" aria-labelledby="action-history-title">
      <h2 id="action-history-title" className="h3-like">{labels.title}</h2>
      <p className="muted small">{labels.intro}</p>
      {entries.length === 0 ? (
        <p className="empty">{labels.empty}</p>
      ) : (
        <ol className="history-list" data-testid="history">
          {entries.map((e) => (
            <li key={e.key}>
              <time dateTime={e.at}>{formatTimestamp(e.at, locale)}</time>{" "}
              <span className="history-list__text">
                {e.text}
                {e.threadId ? (
                  <>
                    {" "}
                    <a href={`#thread-${e.threadId}`} className="small">{labels.toThread}</a>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
