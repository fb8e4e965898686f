/**
 * Does the screen fit? One in-page check, run for every display variant of every screen by
 * `screen-fit.spec.ts`:
 *   - nothing makes the page scroll sideways, and no text runs off the screen's sides;
 *   - no text is cut off by a box that clips or scrolls it;
 *   - no two pieces of text overlap, and no text runs into a control it does not belong to;
 *   - at most one on-screen keyboard is shown;
 *   - the screen's primary action is on screen without scrolling (when the screen has one);
 *   - on a patient's screen, no internal code shows (eHealth's `VERIFIED`, `manual_person`, the
 *     kiosk's `app.revoke`): everything is said in words.
 * Text under an open modal dialog (the page behind it is inert) is not looked at, nor text that has
 * scrolled under an opaque bar that stays on screen (the sticky row of the primary action): it is
 * hidden there, not overlapped, and scrolling shows it.
 */
import type { Page } from '@playwright/test';

export interface FitReport {
  problems: string[];
  /** The primary action's label and where its bottom edge is (px from the top), for the report. */
  primary: { label: string; bottom: number } | null;
}

// Runs in the page; a string because the e2e files are type-checked without the DOM library.
const FIT_CHECK = String.raw`((patientScreen) => {
  window.scrollTo(0, 0);
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const problems = [];
  const short = (s) => s.replace(/\s+/g, ' ').trim().slice(0, 60);
  const modal = document.querySelector('[aria-modal="true"]');
  // visually hidden (for screen readers only): clipped to nothing on purpose
  const clippedAway = new Map();
  const hiddenByClip = (el) => {
    if (!el || el === document.body) return false;
    if (clippedAway.has(el)) return clippedAway.get(el);
    const hidden = getComputedStyle(el).clipPath !== 'none' || hiddenByClip(el.parentElement);
    clippedAway.set(el, hidden);
    return hidden;
  };
  const considered = (el) =>
    !el.closest('.visually-hidden, [inert], [aria-hidden="true"]') &&
    !hiddenByClip(el) &&
    (!modal || modal.contains(el));

  if (document.documentElement.scrollWidth > vw + 1)
    problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px wide in ' + vw);

  // every visible piece of text, as the boxes of its lines
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent || !node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || !considered(el) || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
    if (rects.length) texts.push({ el, text: short(node.textContent), rects });
  }

  const clippers = new Map();
  const clipperOf = (el) => {
    if (clippers.has(el)) return clippers.get(el);
    const found = [];
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible') found.push(a);
    }
    clippers.set(el, found);
    return found;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');

  for (const t of texts) {
    for (const r of t.rects) {
      if (r.left < -1 || r.right > vw + 1) {
        problems.push('text runs off the screen: "' + t.text + '"');
        break;
      }
      const clipped = clipperOf(t.el).find((c) => {
        const b = c.getBoundingClientRect();
        return r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1;
      });
      if (clipped) {
        problems.push('text cut off by ' + name(clipped) + ': "' + t.text + '"');
        break;
      }
    }
  }

  // overlaps: a real overlap covers a good part of a line, not the few pixels line boxes share
  const overlapping = (a, b) => {
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return w > 2 && h > 0.3 * Math.min(a.height, b.height);
  };
  // opaque bars that stay on screen: what scrolls under them is covered, not overlapped
  const opaque = (c) => c !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(c);
  const bars = [...document.querySelectorAll('body *')]
    .filter((el) => {
      const s = getComputedStyle(el);
      return (s.position === 'sticky' || s.position === 'fixed') && opaque(s.backgroundColor) && considered(el);
    })
    .map((el) => ({ el, box: el.getBoundingClientRect() }));
  const underBar = (el, r) => bars.some((b) => !b.el.contains(el) && overlapping(r, b.box));
  const lines = texts.flatMap((t) => t.rects.filter((r) => !underBar(t.el, r)).map((r) => ({ t, r })));
  lines.sort((a, b) => a.r.top - b.r.top);
  const reported = new Set();
  for (let i = 0; i < lines.length; i += 1) {
    const a = lines[i];
    for (let j = i + 1; j < lines.length && lines[j].r.top < a.r.bottom; j += 1) {
      const b = lines[j];
      if (a.t === b.t || !overlapping(a.r, b.r)) continue;
      const key = a.t.text + '|' + b.t.text;
      if (reported.has(key)) continue;
      reported.add(key);
      problems.push('text overlaps text: "' + a.t.text + '" and "' + b.t.text + '"');
    }
  }
  const controls = [...document.querySelectorAll('button, input, [role="switch"]')].filter(
    (c) => considered(c) && c.checkVisibility(),
  );
  for (const c of controls) {
    const box = c.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    for (const t of texts) {
      if (c.contains(t.el) || t.el.contains(c)) continue;
      if (t.rects.some((r) => overlapping(r, box) && !underBar(t.el, r) && !underBar(c, box))) {
        problems.push('text runs into a control: "' + t.text + '" and ' + short(c.getAttribute('aria-label') || c.textContent || name(c)));
        break;
      }
    }
  }

  const keyboards = [...document.querySelectorAll('.osk')].filter((k) => considered(k) && k.checkVisibility());
  if (keyboards.length > 1) problems.push(keyboards.length + ' on-screen keyboards at once');

  const scope = modal || document.querySelector('main') || document.body;
  const primaryButton = [...scope.querySelectorAll('.button--primary')].find((b) => considered(b) && b.checkVisibility());
  let primary = null;
  if (primaryButton) {
    const b = primaryButton.getBoundingClientRect();
    primary = { label: short(primaryButton.textContent || ''), bottom: Math.round(b.bottom) };
    if (b.top < 0 || b.bottom > vh + 1)
      problems.push('the primary action "' + primary.label + '" is off screen (bottom at ' + Math.round(b.bottom) + ' px of ' + vh + ')');
  }
  if (patientScreen) {
    const CODE = /\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b|\b[a-z]+(?:_[a-z]+)+\b|\b(?:app|declaration|declaration-request|person-request|auth-method|auth-method-request)\.[a-z-]+\b/;
    // a code may follow its words for support (marked so), never stand in for them
    for (const t of texts)
      if (CODE.test(t.text) && !t.el.closest('[data-support-code]')) problems.push('a code instead of words: "' + t.text + '"');
  }
  return { problems, primary };
})`;

/** Lets React and layout settle: two animation frames after the last change. */
export const settle = (page: Page) =>
  page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))');

/** Runs the check on the screen as it is now (codes are looked for on a patient's screens only). */
export async function fitReport(page: Page, opts: { patientScreen?: boolean } = {}): Promise<FitReport> {
  await settle(page);
  return (await page.evaluate(`${FIT_CHECK}(${JSON.stringify(opts.patientScreen ?? true)})`)) as FitReport;
}
