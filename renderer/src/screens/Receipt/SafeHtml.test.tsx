import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DETAILS } from '../Declarations/samples.test-support';
import { SafeHtml, sanitizeToFragment } from './SafeHtml';

describe('SafeHtml', () => {
  it('keeps the text and simple structure of a printout, and nothing that runs, loads or navigates', () => {
    const holder = document.createElement('div');
    holder.append(sanitizeToFragment(DETAILS.printoutHtml ?? ''));
    expect(holder.textContent).toContain('Пацієнт: Ковальчук Олена Петрівна');
    expect(holder.textContent).toContain('посилання');
    expect(holder.querySelector('b')).not.toBeNull();
    for (const selector of ['script', 'style', 'img', 'a', 'h1', '[onclick]', '[href]', '[src]'])
      expect(holder.querySelector(selector), selector).toBeNull();
    expect(holder.querySelector('p.cabinet__printout-heading')?.textContent).toBe(
      'Декларація № 0001-AEHK-MPTX',
    );
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('keeps an inline SVG QR code with its spoken label', () => {
    const holder = document.createElement('div');
    holder.append(
      sanitizeToFragment(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="QR" viewBox="0 0 4 4"><path d="M0 0h1v1H0z"/><script>x()</script></svg>',
      ),
    );
    const svg = holder.querySelector('svg');
    expect(svg?.getAttribute('aria-label')).toBe('QR');
    expect(svg?.querySelector('path')).not.toBeNull();
    expect(svg?.querySelector('script')).toBeNull();
  });

  it('is a labelled, focusable document region that speech mode never reads out', () => {
    render(<SafeHtml html="<p>Текст</p>" label="Роздруківка" />);
    const doc = screen.getByRole('document', { name: 'Роздруківка' });
    expect(doc).toHaveTextContent('Текст');
    expect(doc).toHaveAttribute('data-private');
    expect(doc).toHaveAttribute('tabindex', '0');
    // the raw text is never put into the page as markup
    expect(doc.innerHTML).toBe('<p>Текст</p>');
  });
});
