import { fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { BigButton } from './BigButton';
import { Dialog } from './Dialog';

function Harness({ onEscape }: { onEscape?: () => void }) {
  const [open, setOpen] = useState(false);
  const ok = useRef<HTMLButtonElement>(null);
  return (
    <>
      <BigButton onClick={() => setOpen(true)}>Open</BigButton>
      {open && (
        <Dialog
          role="alertdialog"
          title="Still there?"
          description="The session will end."
          initialFocus={ok}
          onEscape={onEscape}
        >
          <BigButton>Other</BigButton>
          <BigButton ref={ok} variant="primary" onClick={() => setOpen(false)}>
            Continue
          </BigButton>
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('is a labelled, described modal that takes focus and gives it back', () => {
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('alertdialog', { name: 'Still there?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('The session will end.');
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('keeps Tab inside the dialog', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('alertdialog');
    const other = screen.getByRole('button', { name: 'Other' });
    const cont = screen.getByRole('button', { name: 'Continue' });
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(other).toHaveFocus();
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(cont).toHaveFocus();
  });

  it('calls onEscape on Escape', () => {
    const onEscape = vi.fn();
    render(<Harness onEscape={onEscape} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(onEscape).toHaveBeenCalledTimes(1);
  });
});
