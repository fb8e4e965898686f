import type { ButtonHTMLAttributes, Ref } from 'react';

export interface BigButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className'> {
  /** primary: the one main action of a screen (≥ 60 px); finish: ends the visit; secondary: the rest (≥ 44 px). */
  variant?: 'primary' | 'secondary' | 'finish';
  ref?: Ref<HTMLButtonElement>;
}

/** The kiosk's button: large, high-contrast, never a form submitter (the page has no forms). */
export function BigButton({ variant = 'secondary', ref, children, ...rest }: BigButtonProps) {
  return (
    <button ref={ref} type="button" className={`button button--${variant}`} {...rest}>
      {children}
    </button>
  );
}
