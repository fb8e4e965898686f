import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { useT } from '../../i18n/useT';
import { selectRegistrarMode, useRegistrarStore } from '../../stores/registrar';
import { useUiStore } from '../../stores/ui';
import { isRegistrarScreen } from './screens';
import { registrarStartup } from './useRegistrarLink';

/** How long the corner must be held: long enough that nobody opens the panel by accident. */
export const HOLD_MS = 3000;

/** Opens the registrar's PIN screen (or the panel, when a registrar is still signed in). */
export async function openRegistrar(): Promise<void> {
  // a page that has just started first signs out a panel an earlier page left open
  await registrarStartup();
  const status = await useRegistrarStore.getState().refreshStatus();
  useUiStore.getState().goTo(status?.mode === 'panel' ? 'registrarPanel' : 'registrarPin');
}

/**
 * The deliberate way into registrar mode: press and hold the bottom-left corner for three seconds.
 * The same works from a keyboard or switch (hold Enter or Space on it), and a screen reader names
 * it, so staff who rely on those get in the same way. Releasing early does nothing.
 */
export function RegistrarCorner() {
  const t = useT();
  const mode = useRegistrarStore(selectRegistrarMode);
  const screen = useUiStore((s) => s.screen);
  const [holding, setHolding] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const cancel = (): void => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setHolding(false);
  };
  const start = (): void => {
    if (timer.current) return;
    setHolding(true);
    timer.current = setTimeout(() => {
      timer.current = null;
      setHolding(false);
      void openRegistrar();
    }, HOLD_MS);
  };
  useEffect(() => cancel, []);

  if (mode === 'assisted' || isRegistrarScreen(screen)) return null;
  const isHoldKey = (e: KeyboardEvent) => e.key === 'Enter' || e.key === ' ';
  return (
    <button
      type="button"
      className={`registrar-corner${holding ? ' registrar-corner--holding' : ''}`}
      aria-label={t('registrar.corner')}
      onPointerDown={(e: PointerEvent) => {
        e.preventDefault();
        start();
      }}
      onPointerUp={cancel}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (!isHoldKey(e)) return;
        e.preventDefault();
        if (!e.repeat) start();
      }}
      onKeyUp={(e) => {
        if (isHoldKey(e)) cancel();
      }}
      onBlur={cancel}
    >
      <span aria-hidden="true">⚙</span>
    </button>
  );
}
