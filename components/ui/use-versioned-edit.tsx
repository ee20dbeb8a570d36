"use client";

import { useState, type ReactNode } from "react";
import type { z } from "zod";
import { ConflictPanel, type ConflictField } from "./conflict-panel";
import { FormStatus } from "./form-status";
import { useMutation } from "./use-mutation";

/**
 * The edit form of an existing record with optimistic concurrency: it remembers the version it was
 * opened on and sends it with every save. A save over someone else's newer version comes back as
 * 409 with the current record; `status` then shows the fields that differ, side by side, with
 * "keep mine" (save again on the new version) and "use theirs" (load the saved values).
 */
export function useVersionedEdit<V, T = unknown>(opts: {
  initial: V;
  version: number;
  url: string;
  schema?: z.ZodType;
  success: string;
  toBody: (values: V) => object;
  /** The form's values from the record the server sent back with the 409. */
  fromCurrent: (current: never) => V;
  /** The fields that differ between the user's values and the saved ones, as text. */
  describe: (mine: V, theirs: V) => ConflictField[];
  refresh?: boolean;
  onSaved?: (data: T) => void;
}) {
  const m = useMutation();
  const [values, setValues] = useState<V>(opts.initial);
  const [version, setVersion] = useState(opts.version);

  async function save(onVersion: number, body?: object): Promise<T | null> {
    const done = await m.run<T>({
      url: opts.url, method: "PATCH", body: { ...(body ?? opts.toBody(values)), version: onVersion }, schema: opts.schema, success: opts.success, refresh: opts.refresh,
    });
    if (done) {
      const next = Object.values(done as object).find((x): x is { version: number } => typeof (x as { version?: unknown })?.version === "number");
      if (next) setVersion(next.version);
      opts.onSaved?.(done);
    }
    return done;
  }

  const raw = m.conflict as ({ version: number } & object) | null;
  const current = raw ? opts.fromCurrent(raw as never) : null;
  const status: ReactNode = current && raw ? (
    <ConflictPanel
      fields={opts.describe(values, current)} pending={m.pending}
      onKeepMine={() => {
        setVersion(raw.version);
        void save(raw.version);
      }}
      onUseTheirs={() => {
        setValues(current);
        setVersion(raw.version);
        m.reset();
      }}
    />
  ) : (
    <FormStatus error={m.error} success={m.success} />
  );

  return {
    values, setValues, version, mutation: m, status,
    /** Saves the form's values (or `body`, e.g. an archive toggle) on the version it holds. */
    save: (body?: object) => save(version, body),
  };
}

/** One conflict row per differing key, for forms whose values are plain strings. */
export function describeStrings<V extends Record<string, string>>(labels: Partial<Record<keyof V, string>>) {
  return (mine: V, theirs: V): ConflictField[] =>
    (Object.keys(labels) as (keyof V & string)[])
      .filter((k) => mine[k] !== theirs[k])
      .map((k) => ({ key: k, label: labels[k]!, mine: String(mine[k]), theirs: String(theirs[k]) }));
}
