// Sends an import form with XMLHttpRequest: fetch cannot report upload progress, and a large file
// deserves a real progress bar. The commit's answer is read as NDJSON lines while they arrive.
import type { ImportProgress } from "@/lib/presenters/import";

export interface UploadProgress {
  phase: "upload" | "read" | "check" | "write";
  done: number;
  total: number | null;
}

export interface ApiError {
  code: string;
  message: string;
  problems?: { row: number; column: string | null; message: string; value?: string }[];
  problemCount?: number;
  problemRows?: number;
}

export type SendResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError };

/** Posts the form; `stream` asks for NDJSON progress and resolves with the final `done` line's result. */
export function sendImportForm<T>(url: string, form: FormData, opts: { stream?: boolean; onProgress: (p: UploadProgress) => void; networkMessage: string }): Promise<SendResult<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    if (opts.stream) xhr.setRequestHeader("Accept", "application/x-ndjson");
    xhr.upload.onprogress = (e) => opts.onProgress({ phase: "upload", done: e.loaded, total: e.lengthComputable ? e.total : null });
    let seen = 0;
    let last: ImportProgress | null = null;
    const readLines = () => {
      const text = xhr.responseText;
      let end = text.indexOf("\n", seen);
      while (end >= 0) {
        const line = text.slice(seen, end).trim();
        seen = end + 1;
        if (line) {
          const parsed = JSON.parse(line) as ImportProgress;
          if (parsed.type === "progress") opts.onProgress({ phase: parsed.phase, done: parsed.done, total: parsed.total });
          last = parsed;
        }
        end = text.indexOf("\n", seen);
      }
    };
    xhr.onprogress = () => {
      if (opts.stream && xhr.status === 200) readLines();
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, error: { code: "network", message: opts.networkMessage } });
    xhr.onload = () => {
      const streamed = opts.stream && xhr.status === 200 && (xhr.getResponseHeader("content-type") ?? "").includes("ndjson");
      if (streamed) {
        readLines();
        const final = last as ImportProgress | null;
        if (final?.type === "done") resolve({ ok: true, data: final.result as T });
        else if (final?.type === "error") resolve({ ok: false, status: final.status, error: final.error as ApiError });
        else resolve({ ok: false, status: 0, error: { code: "network", message: opts.networkMessage } });
        return;
      }
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, data: body as T });
      else resolve({ ok: false, status: xhr.status, error: (body as { error?: ApiError } | null)?.error ?? { code: "internal", message: opts.networkMessage } });
    };
    xhr.send(form);
  });
}
