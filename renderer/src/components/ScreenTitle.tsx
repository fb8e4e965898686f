import type { ReactNode } from 'react';

/**
 * A screen's heading. Focusable by script only (tabIndex -1): the frame moves focus here when the
 * screen changes, so a screen reader announces the new screen.
 */
export function ScreenTitle({ children }: { children: ReactNode }) {
  return (
    <h1 className="screen__title" tabIndex={-1}>
      {children}
    </h1>
  );
}
