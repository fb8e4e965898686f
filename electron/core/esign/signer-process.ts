/**
 * Entry of the signer process (bundled as dist-electron/signer.cjs). One per patient session:
 * it opens the key, signs, and exits on `close` or when its parent goes away. It keeps no idle
 * timer of its own: it lives exactly as long as the patient session (core/session/session-manager.ts),
 * so any other exit is a crash.
 *
 * Works under Node's child_process.fork (process.send / 'message') and under Electron's
 * utilityProcess (process.parentPort, messages arrive as `{ data }`).
 */
import { SPARE_ARG } from './signer/launcher';
import { SIGNER_READY, type SignerRequest } from './signer/protocol';
import { SignerWorker, warmUpSigner } from './signer/worker';

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function bind(): { post(m: unknown): void; onMessage(cb: (m: unknown) => void): void } | null {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      post: (m) => parentPort.postMessage(m),
      onMessage: (cb) => parentPort.on('message', (e) => cb(e.data)),
    };
  }
  if (typeof process.send === 'function') {
    process.on('disconnect', () => process.exit(0));
    return { post: (m) => process.send?.(m), onMessage: (cb) => process.on('message', cb) };
  }
  return null;
}

const port = bind();
if (!port) {
  console.error('the signer must be started by the kiosk (no IPC channel)');
  process.exit(2);
}

const worker = new SignerWorker();

function shutdown(code: number): void {
  worker.closeKey();
  process.exit(code);
}

let queue: Promise<void> = Promise.resolve();
port.onMessage((message) => {
  const req = message as SignerRequest;
  if (typeof req !== 'object' || req === null || typeof req.id !== 'number' || typeof req.type !== 'string')
    return;
  // one request at a time: a sign never overlaps an open or a close
  queue = queue.then(async () => {
    const res = await worker.handle(req);
    port.post(res);
    if (req.type === 'close') {
      // give the response a moment to flush through the channel, then end the process
      setTimeout(() => shutdown(0), 20);
    }
  });
});
// a spare was started ahead of need: its first key open should not pay for cold code
if (process.argv.includes(SPARE_ARG)) void warmUpSigner().then(() => port.post(SIGNER_READY));
else port.post(SIGNER_READY);
