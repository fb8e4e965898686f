import DOMPurify from 'dompurify';

/**
 * eHealth's printout (HTML it renders for the patient to read before signing) made safe to show
 * inside the kiosk: only text structure survives — headings, paragraphs, lists, tables, emphasis.
 * No scripts or styles, no attributes at all (so no event handlers, no inline styles, no `src`,
 * `href` or `srcset`: nothing remote is loaded), no links (a link's text stays, the link goes), no
 * images, frames, forms or media. Headings move one level down, under the screen's own h1.
 */
const ALLOWED_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'div',
  'span',
  'section',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'small',
  'sub',
  'sup',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
];

/** Elements whose content is code or hidden data, dropped with everything inside. */
const FORBID_CONTENTS = [
  'script',
  'style',
  'template',
  'noscript',
  'title',
  'head',
  'iframe',
  'object',
  'svg',
  'math',
];

export function sanitizePrintout(html: string): DocumentFragment {
  const fragment = DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
    FORBID_CONTENTS,
    RETURN_DOM_FRAGMENT: true,
  });
  // headings one level down: the screen's title is the page's only h1
  for (const h of [...fragment.querySelectorAll('h1, h2, h3, h4, h5, h6')].reverse()) {
    const level = Math.min(6, Number(h.tagName.slice(1)) + 1);
    const replacement = h.ownerDocument.createElement(`h${level}`);
    replacement.append(...h.childNodes);
    h.replaceWith(replacement);
  }
  return fragment;
}

/** The sanitised printout as markup (for React). */
export function sanitizedPrintoutHtml(html: string): string {
  const holder = document.createElement('div');
  holder.append(sanitizePrintout(html));
  return holder.innerHTML;
}
