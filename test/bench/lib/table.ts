/** Plain-text and Markdown tables for the bench report. */

export type Align = 'l' | 'r';
export type Row = string[] | { section: string };

/** Display width: code points (Cyrillic and the symbols used here are one column each). */
const width = (s: string): number => [...s].length;

function pad(s: string, w: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'r' ? fill + s : s + fill;
}

function check(headers: readonly string[], rows: readonly Row[], align: readonly Align[]): void {
  if (align.length !== headers.length) throw new Error('one alignment per column');
  for (const r of rows) {
    if (Array.isArray(r) && r.length !== headers.length)
      throw new Error(`row has ${r.length} cells, the table ${headers.length} columns`);
  }
}

/** Columns padded to their widest cell, a rule under the header, section titles on their own lines. */
export function renderTextTable(
  headers: readonly string[],
  rows: readonly Row[],
  align: readonly Align[],
): string {
  check(headers, rows, align);
  const widths = headers.map((h, i) =>
    Math.max(width(h), ...rows.map((r) => (Array.isArray(r) ? width(r[i] as string) : 0))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] as number, align[i] as Align))
      .join('  ')
      .trimEnd();
  const out = [line(headers), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows) out.push(Array.isArray(r) ? line(r) : `${r.section}`);
  return out.join('\n');
}

const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** GitHub-flavoured Markdown; section rows become bold rows spanning the first cell. */
export function renderMarkdownTable(
  headers: readonly string[],
  rows: readonly Row[],
  align: readonly Align[],
): string {
  check(headers, rows, align);
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const out = [line(headers), `|${align.map((a) => (a === 'r' ? ' ---: ' : ' --- ')).join('|')}|`];
  for (const r of rows) {
    out.push(Array.isArray(r) ? line(r) : line([`**${r.section}**`, ...headers.slice(1).map(() => '')]));
  }
  return out.join('\n');
}
