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

interface ControlProps {
  id: string;
  name: string;
  required?: boolean;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/**
 * Label, hint and error around one form control, wired for screen readers: the control gets the
 * label, and hint and error through aria-describedby.
 */
function Field({ label, name, error, hint, required, control }: BaseProps & { control: (props: ControlProps) => React.ReactNode }) {
  const t = useT();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true" className="required-mark"> *</span> : null}
      </label>
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t("common.errorPrefix")} </span>
          {error}
        </p>
      ) : null}
      {control({ id, name, required, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
    </div>
  );
}

export function TextField(props: BaseProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name">) {
  const { label, name, error, hint, required, ...rest } = props;
  return <Field {...{ label, name, error, hint, required }} control={(p) => <input {...p} {...rest} />} />;
}

export function TextArea(props: BaseProps & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const { label, name, error, hint, required, ...rest } = props;
  return <Field {...{ label, name, error, hint, required }} control={(p) => <textarea {...p} {...rest} />} />;
}

export function SelectField(
  props: BaseProps & { options: { value: string; label: string }[] } & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name">,
) {
  const { label, name, error, hint, required, options, ...rest } = props;
  return (
    <Field
      {...{ label, name, error, hint, required }}
      control={(p) => (
        <select {...p} {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
