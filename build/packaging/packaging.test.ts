import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import config from '../electron-builder.config';
import { kioskAfterPack, NOT_SHIPPABLE, type PackContext } from './after-pack';
import { flipAndVerifyFuses, verifyFuses } from './fuses';
import { checkNativeModules, electronAbi, moduleAbiOf } from './native-abi';
import { fakeElectronBinary, fakeNativeModule } from './test-support';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'kiosk-pack-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const ELECTRON = (
  JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
).version;
const sqliteBinary = () =>
  join(
    dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
    'build',
    'Release',
    'better_sqlite3.node',
  );

describe('native module ABI check', () => {
  it('tells Node-built, Electron-built and Node-API modules apart', () => {
    expect(moduleAbiOf(fakeNativeModule('node_register_module_v115'))).toEqual({ kind: 'abi', abi: 115 });
    expect(moduleAbiOf(fakeNativeModule('node_register_module_v150'))).toEqual({ kind: 'abi', abi: 150 });
    expect(moduleAbiOf(fakeNativeModule('napi_register_module_v1'))).toEqual({ kind: 'node-api' });
    expect(moduleAbiOf(Buffer.from('nothing here'))).toEqual({ kind: 'unknown' });
    expect(electronAbi('45.5.0')).toBe(150);
    expect(() => electronAbi('99.0.0')).toThrow(/no known NODE_MODULE_VERSION/);
  });

  it('refuses this machine’s better-sqlite3: it was compiled against Node’s headers', () => {
    const binary = sqliteBinary();
    expect(moduleAbiOf(readFileSync(binary))).toEqual({
      kind: 'abi',
      abi: Number(process.versions.modules),
    });
    const [report] = checkNativeModules(dirname(binary), ELECTRON);
    expect(report).toMatchObject({ file: 'better_sqlite3.node', ok: false });
  });

  it('accepts modules built for this Electron and Node-API modules', () => {
    const dir = temp();
    writeFileSync(join(dir, 'a.node'), fakeNativeModule(`node_register_module_v${electronAbi(ELECTRON)}`));
    mkdirSync(join(dir, 'deep', 'er'), { recursive: true });
    writeFileSync(join(dir, 'deep', 'er', 'b.node'), fakeNativeModule('napi_register_module_v1'));
    writeFileSync(join(dir, 'c.node'), fakeNativeModule('no symbol we know'));
    expect(
      checkNativeModules(dir, ELECTRON)
        .map((r) => [r.file, r.ok])
        .sort(),
    ).toEqual([
      ['a.node', true],
      ['c.node', false],
      [join('deep', 'er', 'b.node'), true],
    ]);
  });
});

describe('fuses', () => {
  it('flips the kiosk fuses and reads them back', async () => {
    const binary = join(temp(), 'kabinet-kiosk');
    writeFileSync(binary, fakeElectronBinary());
    expect((await verifyFuses(binary)).map((c) => c.fuse).sort()).toEqual([
      'EnableCookieEncryption',
      'EnableEmbeddedAsarIntegrityValidation',
      'EnableNodeCliInspectArguments',
      'EnableNodeOptionsEnvironmentVariable',
      'GrantFileProtocolExtraPrivileges',
      'OnlyLoadAppFromAsar',
      'RunAsNode',
    ]);
    await flipAndVerifyFuses(binary);
    expect(await verifyFuses(binary)).toEqual([]);
    const bytes = readFileSync(binary).toString('latin1');
    expect(bytes).toContain('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX\x01\x0801001100');
  });

  it('stops when the binary has no fuse wire or too short a one', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'none'), Buffer.from('not electron'));
    await expect(flipAndVerifyFuses(join(dir, 'none'))).rejects.toThrow(/sentinel/);
    writeFileSync(join(dir, 'short'), fakeElectronBinary('101'));
    await expect(flipAndVerifyFuses(join(dir, 'short'))).rejects.toThrow(/not long enough/);
  });
});

describe('afterPack', () => {
  function packed(moduleSymbol: string | 'node-built'): PackContext {
    const appOutDir = temp();
    const unpacked = join(
      appOutDir,
      'resources',
      'app.asar.unpacked',
      'node_modules',
      'better-sqlite3',
      'build',
      'Release',
    );
    mkdirSync(unpacked, { recursive: true });
    writeFileSync(join(appOutDir, 'resources', 'app.asar'), 'asar');
    if (moduleSymbol === 'node-built') copyFileSync(sqliteBinary(), join(unpacked, 'better_sqlite3.node'));
    else writeFileSync(join(unpacked, 'better_sqlite3.node'), fakeNativeModule(moduleSymbol));
    writeFileSync(join(appOutDir, 'kabinet-kiosk'), fakeElectronBinary());
    chmodSync(join(appOutDir, 'kabinet-kiosk'), 0o755);
    return {
      appOutDir,
      electronPlatformName: 'linux',
      targets: [{ name: 'AppImage' }, { name: 'deb' }],
      packager: {
        appInfo: { productFilename: 'Kabinet Kiosk' },
        executableName: 'kabinet-kiosk',
        config: { electronVersion: ELECTRON },
      },
    };
  }
  const quiet = { log: () => undefined, env: {} };

  it('refuses to package a Node-built native module for a real target', async () => {
    const ctx = packed('node-built');
    await expect(kioskAfterPack(ctx, quiet)).rejects.toThrow(/not built for Electron .*better_sqlite3\.node/);
    expect(await verifyFuses(join(ctx.appOutDir, 'kabinet-kiosk'))).not.toEqual([]);
  });

  it('lets a layout check of the dir target through, marked as not shippable', async () => {
    const ctx = { ...packed('node-built'), targets: [{ name: 'dir' }] };
    await kioskAfterPack(ctx, { ...quiet, env: { KIOSK_PACKAGE_LAYOUT_ONLY: '1' } });
    expect(readFileSync(join(ctx.appOutDir, NOT_SHIPPABLE), 'utf8')).toMatch(/not a kiosk build/);
    expect(await verifyFuses(join(ctx.appOutDir, 'kabinet-kiosk'))).toEqual([]);
    // the escape hatch never covers installers
    const real = packed('node-built');
    await expect(
      kioskAfterPack(real, { ...quiet, env: { KIOSK_PACKAGE_LAYOUT_ONLY: '1' } }),
    ).rejects.toThrow();
  });

  it('packages a build with Electron-built modules: fuses flipped, nothing marked', async () => {
    const ctx = packed(`node_register_module_v${electronAbi(ELECTRON)}`);
    await kioskAfterPack(ctx, quiet);
    expect(existsSync(join(ctx.appOutDir, NOT_SHIPPABLE))).toBe(false);
    expect(await verifyFuses(join(ctx.appOutDir, 'kabinet-kiosk'))).toEqual([]);
    const win = {
      ...packed(`node_register_module_v${electronAbi(ELECTRON)}`),
      electronPlatformName: 'win32',
    };
    writeFileSync(join(win.appOutDir, 'Kabinet Kiosk.exe'), fakeElectronBinary());
    await kioskAfterPack(win, quiet);
    expect(await verifyFuses(join(win.appOutDir, 'Kabinet Kiosk.exe'))).toEqual([]);
  });

  it('needs an asar', async () => {
    const ctx = packed(`node_register_module_v${electronAbi(ELECTRON)}`);
    rmSync(join(ctx.appOutDir, 'resources', 'app.asar'));
    await expect(kioskAfterPack(ctx, quiet)).rejects.toThrow(/app\.asar is missing/);
  });
});

describe('electron-builder configuration', () => {
  it('builds AppImage and deb for Linux and NSIS for Windows, from the bundles, without rebuilding natives', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config).toMatchObject({ asar: true, npmRebuild: false, electronFuses: null });
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(typeof config.afterPack).toBe('function');
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/renderer/**/*', 'dist-electron/**/*', 'package.json']),
    );
    expect(config.nsis).toMatchObject({ perMachine: true, deleteAppDataOnUninstall: false });
  });
});
