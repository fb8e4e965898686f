import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useUiStore } from '../../stores/ui';
import { Welcome } from './Welcome';

describe('Welcome', () => {
  it('says what the kiosk does, in the visitor’s language', () => {
    const { rerender } = render(<Welcome />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Кабінет пацієнта');
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByText(/кіоск забуде всі ваші дані/)).toBeInTheDocument();
    useUiStore.getState().setLanguage('en');
    rerender(<Welcome />);
    expect(screen.getByText(/find a doctor and sign a new declaration/)).toBeInTheDocument();
  });

  it('Start leads to the key step', () => {
    render(<Welcome />);
    fireEvent.click(screen.getByRole('button', { name: 'Почати' }));
    expect(useUiStore.getState().screen).toBe('insertKey');
  });
});
