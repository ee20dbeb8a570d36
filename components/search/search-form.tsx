"use client";

import Form from "next/form";
import Link from "next/link";
import { useId, useRef } from "react";
import { useT } from "@/components/i18n-provider";
import { SEARCH_KINDS } from "@/lib/search/search-index";
import { pages } from "@/lib/urls";
import { SEARCH_QUERY_MAX, SEARCH_STATUSES, searchParamsToQuery } from "@/lib/validation/search";
import { focusNextHit, RESULTS_ID } from "./search-results";

export interface SearchFormValues {
  q: string;
  group?: string;
  kind?: string;
  area?: string;
  status?: string;
}

/**
 * The search page's form: query and filters live in the URL (a GET form), so a search can be
 * shared and the back button works. A changed filter searches at once; ArrowDown in the query
 * field goes to the first result.
 */
export function SearchForm({ forum, values, groups, areas }: {
  forum: string; values: SearchFormValues; groups: { id: string; name: string }[]; areas: { id: string; name: string }[];
}) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const submit = () => form.current?.requestSubmit();
  const select = (name: keyof SearchFormValues, label: string, children: React.ReactNode) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select id={`${id}-${name}`} name={name} defaultValue={values[name] ?? ""} onChange={submit}>
        {children}
      </select>
    </div>
  );
  // A document's, an action's and a thread's statuses; an action's OPEN also finds open threads.
  const statusGroups = [
    { label: t("search.kindsPlural.document"), options: SEARCH_STATUSES.document.map((s) => ({ value: s, label: t(`documentStatus.${s}`) })) },
    { label: t("search.kindsPlural.action"), options: SEARCH_STATUSES.action.map((s) => ({ value: s, label: t(`actionStatus.${s}`) })) },
    { label: t("search.kindsPlural.comment"), options: [{ value: "RESOLVED", label: t("search.threadStatus.RESOLVED") }] },
  ];
  return (
    <Form ref={form} action={pages.search(forum)} className="search-form">
      <div className="search-form__query">
        <div className="field">
          <label htmlFor={`${id}-q`}>{t("search.query")}</label>
          <input
            id={`${id}-q`}
            type="search"
            name="q"
            defaultValue={values.q}
            maxLength={SEARCH_QUERY_MAX}
            required
            onKeyDown={(e) => {
              if (e.key === "ArrowDown" && focusNextHit(document.getElementById(RESULTS_ID), "Home")) e.preventDefault();
            }}
          />
        </div>
        <button type="submit" className="button button--primary">
          {t("search.submit")}
        </button>
      </div>
      <fieldset className="search-form__filters">
        <legend>{t("search.filters")}</legend>
        <div className="filters">
          {select("group", t("search.group"), (
            <>
              <option value="">{t("search.allGroups")}</option>
              {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
            </>
          ))}
          {select("kind", t("search.kind"), (
            <>
              <option value="">{t("search.allKinds")}</option>
              {SEARCH_KINDS.map((k) => <option key={k} value={k}>{t(`search.kindsPlural.${k}`)}</option>)}
            </>
          ))}
          {select("area", t("search.area"), (
            <>
              <option value="">{t("search.allAreas")}</option>
              {areas.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </>
          ))}
          {select("status", t("search.status"), (
            <>
              <option value="">{t("search.allStatuses")}</option>
              {statusGroups.map((g) => (
                <optgroup key={g.label} label={g.label}>
                  {g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </optgroup>
              ))}
            </>
          ))}
        </div>
        <p className="button-row">
          <button type="submit" className="button button--secondary">{t("search.apply")}</button>
          <Link className="button button--quiet" href={pages.search(forum, searchParamsToQuery({ q: values.q }))}>{t("search.clear")}</Link>
        </p>
      </fieldset>
    </Form>
  );
}
