/**
 * Own lines of every function in a source file, read with the TypeScript compiler's parser.
 *
 * A line of a function's span is its own when any token on it belongs to the function itself rather
 * than to a function nested in it: a callback's body counts for the callback, not for the function
 * that passes it; `});` after a callback counts for the outer function (its `)` and `;` are the
 * outer function's). Blank lines anywhere in the span count — the strict reading: a function whose
 * strict count is within the limit is within it however the lines are read.
 *
 * Used by function-length.test.ts: no function outside tests, seeds and generated data may have
 * more than FUNCTION_LINE_LIMIT lines of its own.
 */
import ts from 'typescript';

export const FUNCTION_LINE_LIMIT = 120;

export interface FunctionLength {
  /** Where the function starts (1-based). */
  line: number;
  /** `Class.method`, the variable or property it is assigned to, or `(callback of f)`. */
  name: string;
  own: number;
}

type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

function isFunctionLike(n: ts.Node): n is FunctionLike {
  return (
    ts.isFunctionDeclaration(n) ||
    ts.isFunctionExpression(n) ||
    ts.isArrowFunction(n) ||
    ts.isMethodDeclaration(n) ||
    ts.isConstructorDeclaration(n) ||
    ts.isGetAccessorDeclaration(n) ||
    ts.isSetAccessorDeclaration(n)
  );
}

function nameOf(n: FunctionLike, sf: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(n)) return 'constructor';
  if (n.name) return n.name.getText(sf);
  const p = n.parent;
  if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p))
    return p.name.getText(sf);
  if (ts.isCallExpression(p)) return `(callback of ${p.expression.getText(sf).slice(0, 40)})`;
  if (ts.isExportAssignment(p)) return 'default';
  return '(anonymous)';
}

function qualifiedName(n: FunctionLike, sf: ts.SourceFile): string {
  const name = nameOf(n, sf);
  const cls = n.parent;
  return (ts.isClassDeclaration(cls) || ts.isClassExpression(cls)) && cls.name
    ? `${cls.name.text}.${name}`
    : name;
}

/** The functions directly nested in `fn` (not those nested in them) as [start, end) offsets. */
function nestedRanges(fn: ts.Node, sf: ts.SourceFile): [number, number][] {
  const out: [number, number][] = [];
  const visit = (c: ts.Node): void => {
    if (isFunctionLike(c)) out.push([c.getStart(sf), c.getEnd()]);
    else ts.forEachChild(c, visit);
  };
  ts.forEachChild(fn, visit);
  return out.sort((a, b) => a[0] - b[0]);
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

function ownLinesOf(fn: FunctionLike, sf: ts.SourceFile): number {
  const text = sf.text;
  const start = fn.getStart(sf);
  const end = fn.getEnd();
  const nested = nestedRanges(fn, sf);
  const lineStarts = sf.getLineStarts();
  const first = sf.getLineAndCharacterOfPosition(start).line;
  const last = sf.getLineAndCharacterOfPosition(end).line;
  let own = 0;
  for (let l = first; l <= last; l++) {
    let a = Math.max(lineStarts[l] ?? 0, start);
    let b = Math.min((lineStarts[l + 1] ?? text.length + 1) - 1, end);
    while (a < b && isSpace(text[a])) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    if (a >= b) {
      own++; // a blank line inside the span
      continue;
    }
    // is anything on [a, b) outside every nested function?
    let p = a;
    let mine = false;
    for (const [s, e] of nested) {
      if (e <= p || s >= b) continue;
      if (s > p && text.slice(p, s).trim() !== '') {
        mine = true;
        break;
      }
      p = Math.max(p, e);
    }
    if (mine || (p < b && text.slice(p, b).trim() !== '')) own++;
  }
  return own;
}

/** Every function of a source file with its own lines. */
export function functionLengths(fileName: string, text: string): FunctionLength[] {
  const kind = fileName.endsWith('.tsx')
    ? ts.ScriptKind.TSX
    : fileName.endsWith('.ts')
      ? ts.ScriptKind.TS
      : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const out: FunctionLength[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n))
      out.push({
        line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1,
        name: qualifiedName(n, sf),
        own: ownLinesOf(n, sf),
      });
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Tests, test support, seeds and generated or static data: what the limit leaves out. */
export function isTestSeedOrData(rel: string): boolean {
  return (
    rel.startsWith('test/') ||
    rel.startsWith('renderer/test/') ||
    /\.test\.tsx?$/.test(rel) ||
    /test-support\.ts$/.test(rel) ||
    rel.includes('/seed/') ||
    /-data\.ts$/.test(rel) ||
    (rel.startsWith('wasm/') && rel.includes('.generated.'))
  );
}

/** The project's own source files (TypeScript and JavaScript, declarations apart). */
export const isSource = (rel: string): boolean =>
  /\.(ts|tsx|mts|js|mjs)$/.test(rel) && !rel.endsWith('.d.ts');
