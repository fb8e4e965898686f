/**
 * Reads an eHealth envelope `{meta, data: [ … ], paging, urgent}` as it arrives, without holding
 * the whole body: each element of `data` is parsed on its own and handed over, the other
 * top-level members are parsed whole (they are small). Bytes are scanned as UTF-8: the
 * structural characters are ASCII, which never occur inside a multi-byte sequence.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

export class EnvelopeSyntaxError extends Error {}

/**
 * Feed it chunks; `onElement` gets every element of the array under `arrayKey` (default
 * `data`), in order. `end()` checks that the document was complete and returns the other
 * top-level members.
 */
export class EnvelopeReader {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Top level: 'key' (expecting or reading a key), 'value' (reading a member's value). */
  private expect: 'start' | 'key' | 'colon' | 'value' | 'after' | 'done' = 'start';
  private key: Buffer[] = [];
  private currentKey = '';
  /** Parts of what is being captured: a top-level value, or one array element. */
  private parts: Buffer[] = [];
  private capturing = false;
  private inArray = false;
  private sawArray = false;
  private readonly members: Record<string, unknown> = {};

  constructor(
    private readonly onElement: (value: unknown) => void,
    private readonly arrayKey = 'data',
  ) {}

  write(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // a value or a member name that began in an earlier chunk continues from this chunk's start
    let from = this.capturing || (this.inString && this.expect === 'key') ? 0 : -1;
    for (let i = 0; i < buf.length; i++) {
      const b = buf[i] as number;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (b === BACKSLASH) this.escaped = true;
        else if (b === QUOTE) {
          this.inString = false;
          if (this.expect === 'key' && this.depth === 1) {
            this.key.push(buf.subarray(from, i));
            this.currentKey = Buffer.concat(this.key).toString('utf8');
            this.key = [];
            from = -1;
            this.expect = 'colon';
          }
        }
        continue;
      }
      if (isSpace(b)) continue;
      if (this.expect === 'done') throw new EnvelopeSyntaxError('data after the end of the document');
      if (this.expect === 'start') {
        if (b !== OPEN_OBJECT) throw new EnvelopeSyntaxError('the response is not a JSON object');
        this.depth = 1;
        this.expect = 'key';
        continue;
      }
      if (this.depth === 1 && !this.capturing && !this.inArray) {
        // between the members of the top-level object
        if (this.expect === 'key') {
          if (b === QUOTE) {
            this.inString = true;
            from = i + 1;
            continue;
          }
          if (b === CLOSE_OBJECT && Object.keys(this.members).length === 0 && !this.sawArray) {
            this.depth = 0;
            this.expect = 'done';
            continue;
          }
          throw new EnvelopeSyntaxError('expected a member name');
        }
        if (this.expect === 'colon') {
          if (b !== COLON) throw new EnvelopeSyntaxError('expected a colon');
          this.expect = 'value';
          continue;
        }
        if (this.expect === 'after') {
          if (b === COMMA) this.expect = 'key';
          else if (b === CLOSE_OBJECT) {
            this.depth = 0;
            this.expect = 'done';
          } else throw new EnvelopeSyntaxError('expected a comma');
          continue;
        }
        // expect === 'value': the member's value starts here
        if (this.currentKey === this.arrayKey && b === OPEN_ARRAY) {
          this.inArray = true;
          this.sawArray = true;
          this.depth = 2;
          continue;
        }
        this.capturing = true;
        from = i;
        this.parts = [];
      }
      if (this.inArray && this.depth === 2 && !this.capturing) {
        // between elements of the array
        if (b === COMMA) continue;
        if (b === CLOSE_ARRAY) {
          this.inArray = false;
          this.depth = 1;
          this.expect = 'after';
          continue;
        }
        this.capturing = true;
        from = i;
        this.parts = [];
      }
      // inside a captured value
      if (b === QUOTE) {
        this.inString = true;
        continue;
      }
      const base = this.inArray ? 2 : 1;
      if (b === OPEN_OBJECT || b === OPEN_ARRAY) this.depth++;
      else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        if (this.depth === base) {
          // the container around the value closes: a primitive value ended just before
          this.parts.push(buf.subarray(from, i));
          this.finishValue();
          from = -1;
          i--; // handle the closing bracket again, now outside the value
          continue;
        }
        this.depth--;
        if (this.depth === base) {
          this.parts.push(buf.subarray(from, i + 1));
          this.finishValue();
          from = -1;
        }
      } else if (b === COMMA && this.depth === base) {
        this.parts.push(buf.subarray(from, i));
        this.finishValue();
        from = -1;
        i--; // the comma separates: handle it again outside the value
      }
    }
    if (this.inString && this.expect === 'key' && this.depth === 1 && from >= 0)
      this.key.push(Buffer.from(buf.subarray(from)));
    else if (this.capturing && from >= 0) this.parts.push(Buffer.from(buf.subarray(from)));
  }

  private finishValue(): void {
    const text = Buffer.concat(this.parts).toString('utf8');
    this.parts = [];
    this.capturing = false;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new EnvelopeSyntaxError('the response is not JSON');
    }
    if (this.inArray) this.onElement(value);
    else {
      this.members[this.currentKey] = value;
      this.expect = 'after';
    }
  }

  /** The document must be complete; returns the top-level members other than the array. */
  end(): { members: Record<string, unknown>; sawArray: boolean } {
    if (this.expect !== 'done' || this.inString) throw new EnvelopeSyntaxError('the response ended early');
    return { members: this.members, sawArray: this.sawArray };
  }
}
