import { afterEach, describe, expect, it } from 'vitest';
import { controlName, isUnspeakable, joinSentences, screenText, speakableText } from './speech-text';

const html = (markup: string): HTMLElement => {
  document.body.innerHTML = markup;
  return document.body;
};
afterEach(() => {
  document.body.innerHTML = '';
});

describe('speakableText', () => {
  it('leaves out private parts, says replacements, skips hidden marks and input values', () => {
    html(`<h1 id="t"><span data-speech="Вітаємо!">Вітаємо, <span data-private>Олено Петрівно</span>!</span></h1>
      <p id="p">Пацієнт <b data-private>Ковальчук</b> <span aria-hidden="true">✓</span>тут <input value="1234567890"></p>`);
    expect(speakableText(document.getElementById('t') as HTMLElement)).toBe('Вітаємо!');
    expect(speakableText(document.getElementById('p') as HTMLElement)).toBe('Пацієнт тут');
  });

  it('a private element says only its neutral replacement, if it has one', () => {
    html(
      `<div data-private data-speech="особисті дані"><span id="a">Олена</span></div><p data-private id="b">3012345678</p>`,
    );
    expect(speakableText(document.getElementById('a') as HTMLElement)).toBe('особисті дані');
    expect(speakableText(document.getElementById('b') as HTMLElement)).toBe('');
  });
});

describe('controlName', () => {
  it('names controls by aria-label, aria-labelledby, label, or text', () => {
    html(`<button id="a" aria-label="Стерти">⌫</button>
      <span id="lbl">Мова</span><div id="b" role="group" aria-labelledby="lbl"></div>
      <label for="c">Телефон</label><input id="c" value="+380671234501">
      <button id="d" role="switch" aria-checked="true">Великий шрифт</button>`);
    expect(controlName(document.getElementById('a') as HTMLElement)).toBe('Стерти');
    expect(controlName(document.getElementById('b') as HTMLElement)).toBe('Мова');
    expect(controlName(document.getElementById('c') as HTMLElement)).toBe('Телефон');
    expect(controlName(document.getElementById('d') as HTMLElement)).toBe('Великий шрифт ✓');
  });

  it('a password field is its label only; keyboard keys and private controls say nothing', () => {
    html(`<label for="pw">Пароль ключа</label><input id="pw" type="password" value="olena-4242">
      <div class="simple-keyboard"><button id="k" aria-label="о">о</button></div>
      <button id="n" data-private>Олена Ковальчук</button>`);
    const pw = document.getElementById('pw') as HTMLElement;
    expect(controlName(pw)).toBe('Пароль ключа');
    expect(isUnspeakable(pw)).toBe(true);
    expect(controlName(document.getElementById('k') as HTMLElement)).toBe('');
    expect(controlName(document.getElementById('n') as HTMLElement)).toBe('');
  });
});

describe('screenText', () => {
  it('is the title and the prompt, joined as sentences', () => {
    const root = html(
      `<main><h1>Пароль ключа</h1><p class="screen__lead">Введіть пароль.</p><p>інше</p></main>`,
    );
    expect(screenText(root)).toBe('Пароль ключа. Введіть пароль.');
    expect(joinSentences(['Вітаємо!', 'Оберіть:', '', 'Помилка'])).toBe('Вітаємо! Оберіть: Помилка');
  });
});
