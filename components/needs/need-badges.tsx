import type { Coverage } from "@/lib/needs/coverage";
import type { Translate } from "@/lib/i18n";

/** A need's coverage as a badge: the words carry the meaning, the colour only repeats it. */
export function CoverageBadge({ coverage, t }: { coverage: Coverage; t: Translate }) {
  return <span className={`badge coverage-badge coverage-badge--${coverage.toLowerCase()}`}>{t(`needs.coverage.${coverage}`)}</span>;
}
