import Link from "next/link";

/** The body of a 403/404/500 page: what happened and a way on. */
export function ProblemPage({ title, body, linkText }: { title: string; body: string; linkText: string }) {
  return (
    <div className="container problem">
      <h1>{title}</h1>
      <p className="lead">{body}</p>
      <p>
        <Link className="button button--primary" href="/">
          {linkText}
        </Link>
      </p>
    </div>
  );
}
