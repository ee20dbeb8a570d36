/** The text of every page of a PDF, as pdfjs (legacy build, no worker) extracts it. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  let text = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("") + "\n";
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text };
}
