"use client";

/** Announces the outcome of a form: errors as an alert, success politely. */
export function FormStatus({ error, success }: { error: string | null; success: string | null }) {
  return (
    <>
      <div role="alert" className={error ? "notice notice--error" : "visually-hidden"}>
        {error}
      </div>
      <div role="status" className={success ? "notice notice--success" : "visually-hidden"}>
        {success}
      </div>
    </>
  );
}
