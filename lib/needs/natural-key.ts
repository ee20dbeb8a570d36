// Which stored need an imported row is "the same figure" as: the same source, period, field,
// region and unit. Re-importing a source for a period updates those needs instead of adding copies.

const fold = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("nb");

export function naturalKeyOf(row: { sourceName: string; period: string; field: string; regionId: string | null; unit: string }): string {
  return [fold(row.sourceName), row.period.toUpperCase(), fold(row.field), row.regionId ?? "county", row.unit].join("|");
}
