/**
 * What speech mode may say about the page, read from the DOM. Two markers keep things unsaid:
 *   data-private        — personal data (names, tax ids, phones, documents…): never spoken; when the
 *                         marked element has `data-speech`, that neutral text is said instead;
 *   data-speech="…"     — say this instead of the element's own text (e.g. "Welcome!" for a title
 *                         that carries the patient's name).
 * Password inputs, input values and the on-screen keyboard's keys are never spoken, marked or not.
 */

const PRIVATE = '[data-private]';
const KEYBOARD = '.simple-keyboard';

const squash = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.!?:;])/g, '$1')
    .replace(/([,:;])(?=[!?.])/g, '')
    .trim();

function collect(node: Node, out: string[]): void {
  if (node.nodeType === Node.TEXT_NODE) {
    out.push(node.textContent ?? '');
    return;
  }
  if (!(node instanceof Element)) return;
  const replacement = node.getAttribute('data-speech');
  if (replacement !== null) {
    out.push(` ${replacement} `);
    return;
  }
  if (node.hasAttribute('data-private') || node.getAttribute('aria-hidden') === 'true') return;
  if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) return; // values never
  if (node instanceof HTMLScriptElement || node instanceof HTMLStyleElement) return;
  for (const child of node.childNodes) collect(child, out);
}

/** The text of an element as speech mode may say it (private parts left out or replaced). */
export function speakableText(el: Element): string {
  const privateRoot = el.closest(PRIVATE);
  if (privateRoot) return squash(privateRoot.getAttribute('data-speech') ?? '');
  const out: string[] = [];
  collect(el, out);
  return squash(out.join(''));
}

/** Whether speech mode must stay silent about this element entirely. */
export function isUnspeakable(el: Element): boolean {
  if (el.closest(KEYBOARD)) return true;
  if (el instanceof HTMLInputElement && el.type === 'password') return true;
  const privateRoot = el.closest(PRIVATE);
  return privateRoot !== null && privateRoot.getAttribute('data-speech') === null;
}

function textOfIds(doc: Document, ids: string): string {
  return ids
    .split(/\s+/)
    .map((id) => doc.getElementById(id))
    .filter((e): e is HTMLElement => e !== null)
    .map((e) => speakableText(e))
    .join(' ');
}

/** A password field is announced by its label only (never by what is in it). */
function passwordLabel(el: HTMLInputElement): string {
  return el.labels ? squash([...el.labels].map((l) => speakableText(l)).join(' ')) : '';
}

/** The spoken name of a focused control: aria-label, aria-labelledby, its <label>, else its text. */
export function controlName(el: Element): string {
  if (el.closest(KEYBOARD)) return ''; // keys would spell out what is typed
  if (el instanceof HTMLInputElement && el.type === 'password') return passwordLabel(el);
  if (isUnspeakable(el)) {
    const privateRoot = el.closest(PRIVATE);
    return privateRoot ? squash(privateRoot.getAttribute('data-speech') ?? '') : '';
  }
  const doc = el.ownerDocument;
  const label = el.getAttribute('aria-label');
  if (label) return squash(label);
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) return squash(textOfIds(doc, labelledBy));
  if (
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement
  ) {
    const labels = el.labels ? [...el.labels].map((l) => speakableText(l)).join(' ') : '';
    return squash(labels);
  }
  let name = speakableText(el);
  const checked = el.getAttribute('aria-checked') ?? el.getAttribute('aria-pressed');
  if (checked === 'true' || checked === 'false') name = `${name} ${checked === 'true' ? '✓' : ''}`.trim();
  return name;
}

/** A screen's title and prompt: the h1, then the lead paragraph (or [data-speech-prompt]). */
export function screenText(root: ParentNode): string {
  const parts: string[] = [];
  const title = root.querySelector('h1');
  if (title) parts.push(speakableText(title));
  const prompt = root.querySelector('[data-speech-prompt], .screen__lead');
  if (prompt) parts.push(speakableText(prompt));
  return joinSentences(parts);
}

/** Joins pieces of speech, adding a full stop only where a piece does not end a sentence already. */
export function joinSentences(parts: readonly string[]): string {
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p, i, all) => (i < all.length - 1 && !/[.!?:…]$/.test(p) ? `${p}.` : p))
    .join(' ');
}
