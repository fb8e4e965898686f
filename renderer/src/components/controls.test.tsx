import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { BigButton } from './BigButton';
import { ChoiceGroup } from './ChoiceGroup';
import { Notice } from './Notice';
import { Toggle } from './Toggle';

describe('BigButton', () => {
  it('is a plain button (never submits) with its variant class', () => {
    const onClick = vi.fn();
    render(
      <BigButton variant="primary" onClick={onClick}>
        Start
      </BigButton>,
    );
    const button = screen.getByRole('button', { name: 'Start' });
    expect(button).toHaveAttribute('type', 'button');
    expect(button).toHaveClass('button--primary');
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});

describe('Toggle', () => {
  it('is a switch that reports the next state', () => {
    const onChange = vi.fn();
    const { rerender } = render(<Toggle label="Large text" checked={false} onChange={onChange} />);
    const toggle = screen.getByRole('switch', { name: 'Large text' });
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    fireEvent.click(toggle);
    expect(onChange).toHaveBeenLastCalledWith(true);
    rerender(<Toggle label="Large text" checked onChange={onChange} />);
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(toggle).toHaveTextContent('✓');
    fireEvent.click(toggle);
    expect(onChange).toHaveBeenLastCalledWith(false);
  });
});

describe('ChoiceGroup', () => {
  it('marks the chosen option as pressed and tells each label’s language', () => {
    const onChange = vi.fn();
    render(
      <ChoiceGroup
        label="Мова"
        value="uk"
        onChange={onChange}
        choices={[
          { value: 'uk', label: 'Українська', lang: 'uk' },
          { value: 'en', label: 'English', lang: 'en' },
        ]}
      />,
    );
    expect(screen.getByRole('group', { name: 'Мова' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Українська' })).toHaveAttribute('aria-pressed', 'true');
    const english = screen.getByRole('button', { name: 'English' });
    expect(english).toHaveAttribute('aria-pressed', 'false');
    expect(english).toHaveAttribute('lang', 'en');
    fireEvent.click(english);
    expect(onChange).toHaveBeenCalledWith('en');
  });
});

describe('Notice', () => {
  it('is announced as an alert and can be dismissed', () => {
    const onDismiss = vi.fn();
    render(<Notice title="Kiosk message" text="Printing failed." dismissLabel="OK" onDismiss={onDismiss} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Printing failed.');
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(onDismiss).toHaveBeenCalled();
  });
});
