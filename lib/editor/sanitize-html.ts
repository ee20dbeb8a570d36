import { Window } from "happy-dom";
import { isSafeLinkUrl, safeLinkAttributes } from "./extensions.ts";

// The stored HTML of a frozen version is our own renderer's output, but it leaves the app on public
// pages: as defence in depth it is parsed and written out again from an allow-list of tags and
// attributes. Anything else is dropped (scripts, styles, frames, forms and their content) or
// unwrapped (unknown wrappers keep their text). Attribute values and text are escaped afresh.

/** Tags written out as they are (with only their allowed attributes). */
const ALLOWED = new Set([
  "p", "br", "hr", "blockquote", "pre", "code", "strong", "b", "em", "i", "u", "s", "sub", "sup", "mark",
  "ul", "ol", "li", "a", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
  "h1", "h2", "h3", "h4", "h5", "h6",
]);
/** Tags dropped together with everything inside them. */
const DROPPED = new Set([
  "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "template", "noscript", "svg", "math",
  "form", "button", "select", "textarea", "option", "head", "title", "meta", "link", "base", "colgroup", "col",
  "video", "audio", "source", "track", "canvas", "input", "label", "dialog", "portal",
]);
const VOID = new Set(["br", "hr"]);

export interface SanitizeOptions {
  /** Headings move down by this many levels (h1 → h3 with 2), never past h6: the page's own headings come first. */
  headingOffset?: number;
  /** Words for the state of a task-list item, read before its text ("Fullført:"). */
  taskLabels?: { done: string; open: string };
  /** Words read before an image's alternative text ("Bilde:"); images themselves are never written out. */
  imageLabel?: string;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;").replace(/'/g, "&#39;");

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const smallInt = (v: string | null | undefined, max: number) => (v && /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= max ? v : null);

/** Allow-listed HTML of a frozen version, safe to put into a page as it is. */
export function sanitizeVersionHtml(html: string, opts: SanitizeOptions = {}): string {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true },
    },
  });
  try {
    const template = window.document.createElement("template");
    template.innerHTML = html;
    return walk(template.content.childNodes as unknown as ArrayLike<DomNode>, opts);
  } finally {
    void window.happyDOM.close();
  }
}

function walk(nodes: ArrayLike<DomNode>, opts: SanitizeOptions): string {
  let out = "";
  for (let i = 0; i < nodes.length; i++) out += node(nodes[i]!, opts);
  return out;
}

function node(n: DomNode, opts: SanitizeOptions): string {
  if (n.nodeType === 3) return escapeText(n.textContent ?? "");
  if (n.nodeType !== 1) return ""; // comments, processing instructions, …
  const tag = n.nodeName.toLowerCase();
  const attr = (name: string) => n.getAttribute?.(name) ?? null;
  if (DROPPED.has(tag)) return "";
  if (tag === "img") {
    // An image is never loaded from here (public pages and exports show no uploaded images): its
    // alternative text stands in for it; a decorative image (no text) leaves nothing.
    const alt = (attr("alt") ?? "").trim();
    return alt ? `<span class="image-alt">${escapeText(opts.imageLabel ?? "[Bilde]")} ${escapeText(alt)}</span>` : "";
  }
  if (!ALLOWED.has(tag)) return walk(n.childNodes, opts);

  let name = tag;
  const attrs: [string, string][] = [];
  if (/^h[1-6]$/.test(tag)) {
    name = `h${Math.min(6, Number(tag[1]) + (opts.headingOffset ?? 0))}`;
  } else if (tag === "a") {
    const href = attr("href");
    if (!href || !isSafeLinkUrl(href)) return walk(n.childNodes, opts);
    // The editor's own link attributes; public pages add nofollow.
    const link = safeLinkAttributes(href);
    attrs.push(["href", href], ...(link.target ? [["target", link.target] as [string, string]] : []), ["rel", "noopener noreferrer nofollow"]);
  } else if (tag === "td" || tag === "th") {
    for (const a of ["colspan", "rowspan"]) {
      const v = smallInt(attr(a), 100);
      if (v && v !== "1") attrs.push([a, v]);
    }
    if (tag === "th") attrs.push(["scope", "col"]);
  } else if (tag === "ol") {
    const start = smallInt(attr("start"), 999);
    if (start && start !== "1") attrs.push(["start", start]);
  } else if (tag === "ul" && attr("data-type") === "taskList") {
    attrs.push(["class", "task-list"]);
  }
  const open = `<${name}${attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("")}>`;
  if (VOID.has(name)) return open;

  let inner = walk(n.childNodes, opts);
  if (tag === "li" && attr("data-type") === "taskItem") {
    // The editor's checkbox is a form control without a name; say the state in words instead.
    const done = attr("data-checked") === "true";
    const label = done ? (opts.taskLabels?.done ?? "✓") : (opts.taskLabels?.open ?? "☐");
    inner = `<span class="task-item__state task-item__state--${done ? "done" : "open"}">${escapeText(label)}</span> ${inner}`;
  }
  return `${open}${inner}</${name}>`;
}
