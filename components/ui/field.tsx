"use client";

import { useId } from "react";
import { useT } from "../i18n-provider";

interface BaseProps {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  required?: boolean;
}

function Describe({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  const t = useT();
  return (
    <>
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t("common.errorPrefix")} </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A labelled text input with hint and error wired to it for screen readers. */
export function TextField(props: BaseProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name">) {
  const { label, name, error, hint, required, ...rest } = props;
  const id = useId();
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true" className="required-mark"> *</span> : null}
      </label>
      <Describe id={id} hint={hint} error={error} />
      <input id={id} name={name} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...rest} />
    </div>
  );
}

export function TextArea(props: BaseProps & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const { label, name, error, hint, required, ...rest } = props;
  const id = useId();
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true" className="required-mark"> *</span> : null}
      </label>
      <Describe id={id} hint={hint} error={error} />
      <textarea id={id} name={name} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...rest} />
    </div>
  );
}

export function SelectField(
  props: BaseProps & { options: { value: string; label: string }[] } & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name">,
) {
  const { label, name, error, hint, required, options, ...rest } = props;
  const id = useId();
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true" className="required-mark"> *</span> : null}
      </label>
      <Describe id={id} hint={hint} error={error} />
      <select id={id} name={name} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
