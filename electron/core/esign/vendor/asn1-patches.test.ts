import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { applyAsn1Patches } from './asn1-patches';
import { stdCurve, writePbes2Store } from './jk';

const require = createRequire(import.meta.url);

interface Model {
  encode(v: unknown, enc: 'der'): Buffer;
  decode(b: Buffer, enc: 'der'): unknown;
}
interface DslNode {
  seq(): DslNode;
  obj(...children: DslNode[]): DslNode;
  key(name: string): DslNode;
  objid(map?: Record<string, string>): DslNode;
  choice(alts: Record<string, DslNode>): DslNode;
  null_(): DslNode;
  use(fn: ((parent: unknown) => Model) | Model): DslNode;
  int(): DslNode;
  octstr(): DslNode;
}
const asn1 = require('asn1.js') as { define(name: string, body: (this: DslNode) => void): Model };

describe('asn1.js 5.4.1 patches (owned module)', () => {
  it('is applied to the pinned registry version, once', () => {
    const a = applyAsn1Patches();
    expect(a).toEqual({ version: '5.4.1', choiceParent: true, negativeIntegers: true });
    expect(applyAsn1Patches()).toBe(a);
  });

  it('hands the parent object to use(fn) inside a CHOICE while encoding', () => {
    applyAsn1Patches();
    const Params = asn1.define('Params', function () {
      this.octstr();
    });
    const seen: unknown[] = [];
    const Alg = asn1.define('Alg', function () {
      this.seq().obj(
        this.key('algorithm').objid({ '1 2 3': 'x' }),
        this.key('parameters').choice({
          none: this.null_(),
          params: this.use((parent) => {
            seen.push(parent);
            return Params;
          }),
        }),
      );
    });
    const der = Alg.encode(
      { algorithm: 'x', parameters: { type: 'params', value: Buffer.from('ab') } },
      'der',
    );
    expect(der.toString('hex')).toBe('300806022a0304026162');
    expect(seen[0]).toMatchObject({ algorithm: 'x' });
  });

  it('re-encodes an INTEGER with the high bit set byte-identically', () => {
    applyAsn1Patches();
    const Int = asn1.define('Int', function () {
      this.int();
    });
    const original = Buffer.from('0202b406', 'hex');
    expect(Int.encode(Int.decode(original, 'der'), 'der').equals(original)).toBe(true);
    const positive = Buffer.from('020300b406', 'hex');
    expect(Int.encode(Int.decode(positive, 'der'), 'der').equals(positive)).toBe(true);
  });

  it('lets jkurwa write a PBES2 Key-6 store', () => {
    const priv = stdCurve('DSTU_PB_257').keygen();
    const store = writePbes2Store(priv, Buffer.from('pw'));
    expect(store[0]).toBe(0x30);
    expect(store.includes(Buffer.from('2a864886f70d01050d', 'hex'))).toBe(true); // PBES2 OID
  });
});
