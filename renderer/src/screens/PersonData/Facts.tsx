import type { ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
  /** Personal data: never read aloud by the speech mode (default true). */
  private?: boolean;
}

/**
 * Label–value pairs of a person, as a description list. Values are marked private, so the speech
 * mode says the label and not the name, number or address.
 */
export function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="facts">
      {facts.map((f) => (
        <div className="facts__row" key={f.label}>
          <dt className="facts__label">{f.label}</dt>
          <dd className="facts__value" {...(f.private === false ? {} : { 'data-private': '' })}>
            {f.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A titled part of a screen (a landmark with its own heading). */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="person__section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
