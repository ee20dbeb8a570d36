"use client";

import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import { useT } from "../i18n-provider";

interface Person {
  clientId: number;
  name: string;
  color: string;
}

/** Who is in the document right now (from the awareness states the carets use). */
export function PresenceBar({ awareness }: { awareness: Awareness }) {
  const t = useT();
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    const read = () => {
      const list: Person[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
        if (typeof user?.name === "string") list.push({ clientId, name: user.name, color: typeof user.color === "string" ? user.color : "#4b5866" });
      });
      list.sort((a, b) => (a.clientId === awareness.clientID ? -1 : b.clientId === awareness.clientID ? 1 : a.name.localeCompare(b.name)));
      setPeople(list);
    };
    read();
    awareness.on("change", read);
    return () => awareness.off("change", read);
  }, [awareness]);

  return (
    <div className="presence">
      <h2 className="presence__title">{t("editor.presence")}</h2>
      <ul className="presence__list" aria-label={t("editor.presence")}>
        {people.map((p) => (
          <li key={p.clientId} className="presence__person">
            <span className="presence__dot" style={{ background: p.color }} aria-hidden="true">
              {p.name.slice(0, 1).toUpperCase()}
            </span>
            {p.clientId === awareness.clientID ? t("editor.you", { name: p.name }) : p.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
