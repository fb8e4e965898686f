import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useUiStore } from '../../stores/ui';
import { InsertKey } from './InsertKey';

describe('InsertKey', () => {
  it('explains the three steps of signing in, without pretending to detect anything', () => {
    render(<InsertKey />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Наступний крок — ваш ключ');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('offers the keyboard practice and the way back', () => {
    render(<InsertKey />);
    fireEvent.click(screen.getByRole('button', { name: 'Спробувати екранну клавіатуру' }));
    expect(useUiStore.getState().screen).toBe('keyboardPractice');
    fireEvent.click(screen.getByRole('button', { name: 'Назад' }));
    expect(useUiStore.getState().screen).toBe('welcome');
  });
});
