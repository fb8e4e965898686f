import { BigButton } from './BigButton';

export interface NoticeProps {
  title: string;
  text: string;
  dismissLabel: string;
  onDismiss(): void;
}

/** A kiosk-level message (an error main reported) that stays until someone acknowledges it. */
export function Notice({ title, text, dismissLabel, onDismiss }: NoticeProps) {
  return (
    <section className="notice" role="alert">
      <h2 className="notice__title">{title}</h2>
      <p className="notice__text">{text}</p>
      <BigButton onClick={onDismiss}>{dismissLabel}</BigButton>
    </section>
  );
}
