/**
 * CSV that opens correctly in Excel with Norwegian settings: UTF-8 with a byte-order mark (so æøå
 * survive), semicolons between fields (Excel's list separator in Norway), CRLF line ends. Cells
 * starting with = + - @ are prefixed with ' so a spreadsheet never runs them as formulas.
 */
export function toCsv(rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    let s = v === null ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return "\uFEFF" + rows.map((r) => r.map(cell).join(";")).join("\r\n") + "\r\n";
}
