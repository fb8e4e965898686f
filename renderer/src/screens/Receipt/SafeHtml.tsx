import DOMPurify, { type Config } from 'dompurify';
import { useLayoutEffect, useRef } from 'react';

/**
 * What HTML from outside (eHealth's printouts, receipts) may keep on the kiosk's screen: text,
 * simple structure and inline SVG — no scripts, styles, forms, links, images or ids.
 */
const POLICY: Config & { RETURN_DOM_FRAGMENT: true } = {
  USE_PROFILES: { html: true, svg: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'img',
    'a',
    'iframe',
    'object',
    'embed',
    'video',
    'audio',
    'source',
    'link',
    'meta',
    'base',
    'title',
  ],
  FORBID_ATTR: ['style', 'id', 'class', 'tabindex', 'href', 'src', 'srcset', 'action', 'xlink:href'],
  RETURN_DOM_FRAGMENT: true,
};

/** Sanitises HTML into a fragment; headings become bold paragraphs so the screen's outline stays its own. */
export function sanitizeToFragment(html: string): DocumentFragment {
  const fragment = DOMPurify.sanitize(html, POLICY);
  for (const heading of [...fragment.querySelectorAll('h1, h2, h3, h4, h5, h6')]) {
    const p = document.createElement('p');
    p.className = 'cabinet__printout-heading';
    p.append(...heading.childNodes);
    heading.replaceWith(p);
  }
  return fragment;
}

/**
 * Shows HTML that came from outside the renderer, sanitised with DOMPurify. The nodes are put in
 * place directly (no innerHTML of the raw text ever), after sanitising.
 */
export function SafeHtml({ html, label }: { html: string; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    box.current?.replaceChildren(sanitizeToFragment(html));
  }, [html]);
  // printouts carry the patient's name and tax id: speech mode never reads them out
  // focusable: a long printout can be read (and scrolled) from the keyboard too
  return (
    <div
      ref={box}
      className="cabinet__printout"
      role="document"
      aria-label={label}
      data-private=""
      tabIndex={0}
    />
  );
}
