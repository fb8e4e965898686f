import { describe, expect, it } from 'vitest';
import { sanitizedPrintoutHtml } from './sanitize';

describe('the printout sanitiser', () => {
  it('keeps the text structure of eHealth’s printout', () => {
    const html =
      '<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"><title>Зміна даних</title></head><body>' +
      '<h1>Запит</h1><table><tr><th>Ім’я</th><td>Олена</td></tr></table><p>Підписуючи, я <b>підтверджую</b>.</p></body></html>';
    const out = sanitizedPrintoutHtml(html);
    expect(out).toContain('<h2>Запит</h2>');
    expect(out).toContain('<th>Ім’я</th><td>Олена</td>');
    expect(out).toContain('<b>підтверджую</b>');
    expect(out).not.toContain('<title');
    expect(out).not.toContain('Зміна даних'); // the head's title is not shown text
  });

  it('drops scripts, handlers, styles and anything that loads or links out', () => {
    const hostile = [
      '<script>window.x=1</script>',
      '<img src="https://evil.example/p.png" onerror="alert(1)">',
      '<p onclick="alert(1)" style="background:url(https://evil.example/x)">текст</p>',
      '<a href="https://evil.example">посилання</a>',
      '<a href="javascript:alert(1)">js</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<link rel="stylesheet" href="https://evil.example/s.css">',
      '<style>@import url(https://evil.example/s.css)</style>',
      '<form action="https://evil.example"><input name="q"><button>Надіслати</button></form>',
      '<svg><image href="https://evil.example/i.png"/></svg>',
      '<object data="https://evil.example/o"></object>',
      '<video src="https://evil.example/v.mp4"></video>',
      '<base href="https://evil.example/">',
      '<meta http-equiv="refresh" content="0;url=https://evil.example">',
      '<table background="https://evil.example/bg.png"><tr><td>клітинка</td></tr></table>',
    ].join('');
    const out = sanitizedPrintoutHtml(hostile);
    expect(out).not.toMatch(
      /<(script|img|a|iframe|link|style|form|input|button|svg|image|object|video|base|meta)\b/i,
    );
    expect(out).not.toMatch(/\s(on\w+|style|src|href|srcset|action|background|data)=/i);
    expect(out).not.toContain('evil.example');
    expect(out).not.toContain('window.x');
    // the words stay readable
    expect(out).toContain('текст');
    expect(out).toContain('посилання');
    expect(out).toContain('клітинка');
  });

  it('does not run anything while sanitising', () => {
    const w = window as unknown as { pwned?: boolean };
    sanitizedPrintoutHtml('<img src=x onerror="window.pwned=true"><svg onload="window.pwned=true"></svg>');
    expect(w.pwned).toBeUndefined();
  });
});
