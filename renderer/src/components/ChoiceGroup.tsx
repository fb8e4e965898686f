export interface Choice<T extends string> {
  value: T;
  label: string;
  /** The language the label is written in, when it differs from the page (e.g. "English"). */
  lang?: string;
}

export interface ChoiceGroupProps<T extends string> {
  label: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange(value: T): void;
}

/** One-of-several buttons (language, keyboard layout); the chosen one is pressed. */
export function ChoiceGroup<T extends string>({ label, choices, value, onChange }: ChoiceGroupProps<T>) {
  return (
    <div role="group" aria-label={label} className="choice-group">
      {choices.map((choice) => (
        <button
          key={choice.value}
          type="button"
          lang={choice.lang}
          aria-pressed={choice.value === value}
          className="choice-group__choice"
          onClick={() => onChange(choice.value)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
