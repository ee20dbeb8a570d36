"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import type { z } from "zod";
import { fieldErrors } from "@/lib/validation/format";
import { useT } from "../i18n-provider";

export interface MutationState {
  pending: boolean;
  fieldErrors: Record<string, string>;
  error: string | null;
  success: string | null;
  /** A stale edit (409 "stale"): the record as it is now, to set beside the user's own values. */
  conflict: unknown;
}

const idle: MutationState = { pending: false, fieldErrors: {}, error: null, success: null, conflict: null };

/**
 * Sends a JSON mutation to one of our route handlers. The same zod schema the handler uses checks
 * the input first, so most mistakes are shown without a round trip; the server's answer is shown
 * field by field otherwise. On success the page's server data is refreshed.
 */
export function useMutation() {
  const t = useT();
  const router = useRouter();
  const [state, setState] = useState<MutationState>(idle);

  const run = useCallback(
    async <T = unknown>(opts: {
      url: string;
      method: "POST" | "PATCH" | "PUT" | "DELETE";
      body?: unknown;
      schema?: z.ZodType;
      success?: string | ((data: T) => string);
      refresh?: boolean;
    }): Promise<T | null> => {
      if (opts.schema) {
        const parsed = opts.schema.safeParse(opts.body);
        if (!parsed.success) {
          setState({ ...idle, fieldErrors: fieldErrors(parsed.error, t), error: t("common.errorSummary") });
          return null;
        }
      }
      setState({ ...idle, pending: true });
      let res: Response;
      try {
        res = await fetch(opts.url, {
          method: opts.method,
          headers: opts.body === undefined ? {} : { "content-type": "application/json" },
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        });
      } catch {
        setState({ ...idle, error: t("errors.network") });
        return null;
      }
      const data = (await res.json().catch(() => null)) as
        | (T & { error?: { code?: string; message?: string; fields?: Record<string, string>; current?: unknown } })
        | null;
      if (!res.ok) {
        setState({
          ...idle, fieldErrors: data?.error?.fields ?? {}, error: data?.error?.message ?? t("errors.internal"),
          conflict: data?.error?.code === "stale" ? (data.error.current ?? null) : null,
        });
        return null;
      }
      const message = typeof opts.success === "function" ? opts.success(data as T) : (opts.success ?? null);
      setState({ ...idle, success: message });
      if (opts.refresh !== false) router.refresh();
      return data as T;
    },
    [router, t],
  );

  const reset = useCallback(() => setState(idle), []);
  return { ...state, run, reset };
}
