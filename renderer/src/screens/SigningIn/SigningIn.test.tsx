import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSignInStore } from '../../stores/signin';
import { SigningIn } from './SigningIn';

describe('SigningIn', () => {
  it('lists the steps and marks the current one, the earlier ones as done', () => {
    useSignInStore.setState({ step: 'signing-in' });
    render(<SigningIn />);
    const steps = screen.getAllByRole('listitem');
    expect(steps).toHaveLength(4);
    expect(steps[2]).toHaveAttribute('aria-current', 'step');
    expect(steps[0]).toHaveTextContent('Відкриваємо ключ(виконано)');
    expect(steps[3]).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('status')).toHaveTextContent('Входимо до системи eHealth');
  });

  it('starts at opening the key before main reports a step', () => {
    render(<SigningIn />);
    expect(screen.getAllByRole('listitem')[0]).toHaveAttribute('aria-current', 'step');
  });
});
