export interface ToggleProps {
  label: string;
  checked: boolean;
  onChange(next: boolean): void;
}

/**
 * An on/off switch (role="switch"); the whole labelled control is the touch target. The state is
 * shown by the thumb's side and a check mark, not by colour alone.
 */
export function Toggle({ label, checked, onChange }: ToggleProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      className="toggle"
      onClick={() => onChange(!checked)}
    >
      <span className="toggle__label">{label}</span>
      <span className="toggle__track" aria-hidden="true">
        <span className="toggle__thumb">{checked ? '✓' : ''}</span>
      </span>
    </button>
  );
}
