import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { BrowserWindow, electronMock, fakeOf, type WindowOptions } from '../../test/mocks/electron';
import { electronPrinter, PRINT_WINDOW_OPTIONS, type PrintWindow } from './electron-printer';

vi.mock('electron', () => import('../../test/mocks/electron'));

type PrintCallback = (success: boolean, failureReason: string) => void;

/** Gives every fake window a `print` that records its options and answers as told. */
function withPrint(answer: (options: Record<string, unknown>, done: PrintCallback) => void) {
  const printed: Record<string, unknown>[] = [];
  const createWindow = (options: BrowserWindowConstructorOptions): PrintWindow => {
    const win = new BrowserWindow(fakeOf<WindowOptions>(options));
    Object.assign(win.webContents, {
      print: (o: Record<string, unknown>, cb: PrintCallback) => {
        printed.push(o);
        answer(o, cb);
      },
    });
    return fakeOf<PrintWindow>(win);
  };
  return { printed, createWindow };
}

const JOB = { name: 'receipt-1', title: 'Квитанція', html: '<!DOCTYPE html><p>Квитанція K7M4-PX9C</p>' };

beforeEach(() => electronMock.reset());

describe('electronPrinter', () => {
  it('prints silently to the configured printer from a hidden, script-less, in-memory window, then closes it', async () => {
    const { printed, createWindow } = withPrint((_o, done) => done(true, ''));
    const printer = electronPrinter({ createWindow, deviceName: () => 'EPSON TM-T20' });
    expect(printer.via).toBe('printer');
    expect(await printer.print(JOB)).toEqual({ ok: true, value: undefined });
    expect(printed).toEqual([
      expect.objectContaining({ silent: true, deviceName: 'EPSON TM-T20', printBackground: true }),
    ]);
    const [win] = electronMock.windows;
    expect(win?.options).toEqual(PRINT_WINDOW_OPTIONS);
    expect(PRINT_WINDOW_OPTIONS).toMatchObject({
      show: false,
      webPreferences: { javascript: false, sandbox: true, nodeIntegration: false },
    });
    expect(String(PRINT_WINDOW_OPTIONS.webPreferences?.partition)).not.toMatch(/^persist:/);
    const loaded = win?.webContents.loaded[0] ?? '';
    expect(loaded.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(loaded.split(',')[1] ?? '', 'base64').toString('utf8')).toBe(JOB.html);
    expect(win?.destroyed).toBe(true);
  });

  it('uses the system default printer when none is configured', async () => {
    const { printed, createWindow } = withPrint((_o, done) => done(true, ''));
    await electronPrinter({ createWindow, deviceName: () => '' }).print(JOB);
    expect(printed[0]).not.toHaveProperty('deviceName');
  });

  it("reports the printer's failure and still closes the window", async () => {
    const { createWindow } = withPrint((_o, done) => done(false, 'Print job failed'));
    const r = await electronPrinter({ createWindow, deviceName: () => null }).print(JOB);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'PRINT_FAILED',
        message: 'the printer did not print the receipt',
        details: { reason: 'Print job failed' },
      },
    });
    expect(electronMock.windows[0]?.destroyed).toBe(true);
  });

  it('a printer that never answers times out instead of hanging the patient', async () => {
    const { createWindow } = withPrint(() => undefined);
    const r = await electronPrinter({ createWindow, deviceName: () => null, timeoutMs: 20 }).print(JOB);
    expect(r).toMatchObject({ ok: false, error: { code: 'PRINT_FAILED', details: { reason: 'timeout' } } });
  });

  it('prints one receipt at a time, in order', async () => {
    const order: string[] = [];
    const pending: PrintCallback[] = [];
    const { createWindow } = withPrint((_o, done) => pending.push(done));
    const printer = electronPrinter({ createWindow, deviceName: () => null });
    const a = printer.print({ ...JOB, name: 'a' }).then(() => order.push('a'));
    const b = printer.print({ ...JOB, name: 'b' }).then(() => order.push('b'));
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    expect(electronMock.windows).toHaveLength(1);
    pending[0]?.(true, '');
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    pending[1]?.(true, '');
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
  });

  it('a window that cannot be created is an error value', async () => {
    const r = await electronPrinter({
      createWindow: () => {
        throw new Error('no display');
      },
      deviceName: () => null,
    }).print(JOB);
    expect(r).toMatchObject({ ok: false, error: { code: 'PRINT_FAILED' } });
  });
});
