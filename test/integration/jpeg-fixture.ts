/**
 * Real baseline JPEG files for upload tests, written by hand: a flat grey picture of any size (one
 * component, every block's DC difference 0 and an end-of-block, each coded with a one-bit Huffman code),
 * optionally padded with comment segments to reach an exact file size. Any JPEG decoder reads them.
 */

const segment = (marker: number, payload: number[]): number[] => [
  0xff,
  marker,
  (payload.length + 2) >> 8,
  (payload.length + 2) & 0xff,
  ...payload,
];

export function greyJpeg(width: number, height: number, opts: { totalBytes?: number } = {}): Uint8Array {
  const head: number[] = [0xff, 0xd8];
  head.push(...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0])); // JFIF 1.1
  head.push(...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)])); // quantisation table 0
  head.push(...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]));
  const oneSymbol = (tableClass: number) => [tableClass, 1, ...new Array<number>(15).fill(0), 0x00];
  head.push(...segment(0xc4, oneSymbol(0x00))); // DC table 0: category 0 → code "0"
  head.push(...segment(0xc4, oneSymbol(0x10))); // AC table 0: EOB → code "0"
  const scan = segment(0xda, [1, 1, 0x00, 0, 63, 0]);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * 2; // "0" (DC) + "0" (EOB) per block
  const data = new Array<number>(Math.ceil(bits / 8)).fill(0);
  const spare = data.length * 8 - bits;
  if (spare > 0) data[data.length - 1] = (1 << spare) - 1; // pad with 1-bits
  const tail = [...scan, ...data, 0xff, 0xd9];

  const comments: Uint8Array[] = [];
  if (opts.totalBytes !== undefined) {
    let missing = opts.totalBytes - head.length - tail.length;
    if (missing !== 0 && missing < 4) throw new Error('cannot pad a JPEG by fewer than 4 bytes');
    while (missing > 0) {
      let size = Math.min(missing - 4, 65_533);
      const rest = missing - 4 - size;
      if (rest > 0 && rest < 4) size -= 4; // never leave a remainder a comment segment cannot hold
      const c = new Uint8Array(size + 4).fill(0x20);
      c.set([0xff, 0xfe, (size + 2) >> 8, (size + 2) & 0xff]);
      comments.push(c);
      missing -= size + 4;
    }
  }
  return new Uint8Array(Buffer.concat([Uint8Array.from(head), ...comments, Uint8Array.from(tail)]));
}
