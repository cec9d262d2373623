import { Box } from "@saleor/macaw-ui";

const DROP = new Set([
  "SCRIPT",
  "STYLE",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "LINK",
  "META",
  "FORM",
  "INPUT",
  "BUTTON",
  "TEXTAREA",
  "SELECT",
]);

/**
 * The server sanitises comment bodies already; this second pass in the browser drops
 * anything executable, so a server bug cannot run script inside the Dashboard.
 */
export function sanitizeHtml(html: string): string {
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, "text/html");
  const root = doc.body.firstElementChild;

  if (!root) return "";
  const walk = (element: Element) => {
    for (const child of Array.from(element.children)) {
      if (DROP.has(child.tagName)) {
        child.remove();
        continue;
      }
      for (const attribute of Array.from(child.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.trim().toLowerCase();

        if (
          name.startsWith("on") ||
          name === "style" ||
          ((name === "href" || name === "src") &&
            (value.startsWith("javascript:") || value.startsWith("data:")))
        ) {
          child.removeAttribute(attribute.name);
        }
      }
      if (child.tagName === "A") {
        child.setAttribute("target", "_blank");
        child.setAttribute("rel", "noopener noreferrer");
      }
      walk(child);
    }
  };

  walk(root);

  return root.innerHTML;
}

/** Plain text of an HTML fragment, paragraphs and line breaks kept as newlines. */
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|h[1-6])>/gi, "\n\n")
    .replace(/<\/(div|li)>/gi, "\n");
  const doc = new DOMParser().parseFromString(withBreaks, "text/html");

  return (doc.body.textContent ?? "").replace(/\n{3,}/g, "\n\n").trim();
}

export function Html({ html }: { html: string }) {
  return (
    <Box
      className="helpdesk-html"
      style={{ overflowWrap: "anywhere" }}
      dangerouslySetInnerHTML={{ __html: sanitizeHtml(html) }}
    />
  );
}
