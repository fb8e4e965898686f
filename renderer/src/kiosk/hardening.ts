/**
 * Kiosk hardening that only the page can do (main adds its own: no menu, no navigation, zoom
 * limits). A visitor must not select text (except in fields), open a context menu, zoom with
 * pinch or Ctrl+wheel/keys, reload, print, save or search the page.
 */

/** Ctrl/⌘ + these keys: zoom, reload, print, save, open, find. */
const BLOCKED_CTRL_KEYS = new Set(['+', '=', '-', '_', '0', 'r', 'p', 's', 'o', 'f', 'g']);
const BLOCKED_KEYS = new Set(['F5', 'F3', 'F7', 'F11', 'F12']);

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement);

export function installKioskHardening(win: Window): () => void {
  const prevent = (e: Event): void => e.preventDefault();
  const onWheel = (e: WheelEvent): void => {
    if (e.ctrlKey || e.metaKey) e.preventDefault();
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    const ctrl = e.ctrlKey || e.metaKey;
    if (BLOCKED_KEYS.has(e.key) || (ctrl && BLOCKED_CTRL_KEYS.has(e.key.toLowerCase()))) e.preventDefault();
  };
  const onTouchMove = (e: TouchEvent): void => {
    if (e.touches.length > 1) e.preventDefault();
  };
  const onSelectStart = (e: Event): void => {
    if (!isEditable(e.target)) e.preventDefault();
  };

  const active = { passive: false } as const;
  const listeners: [string, EventListener, AddEventListenerOptions][] = [
    ['contextmenu', prevent, active],
    ['dragstart', prevent, active],
    ['gesturestart', prevent, active], // WebKit's pinch events
    ['gesturechange', prevent, active],
    ['wheel', onWheel as EventListener, active],
    ['keydown', onKeyDown as EventListener, active],
    ['touchmove', onTouchMove as EventListener, active],
    ['selectstart', onSelectStart, active],
  ];
  for (const [type, listener, options] of listeners) win.addEventListener(type, listener, options);
  return () => {
    for (const [type, listener, options] of listeners) win.removeEventListener(type, listener, options);
  };
}
