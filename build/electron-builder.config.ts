/**
 * electron-builder configuration of the kiosk: Linux (AppImage, deb) and Windows (NSIS, x64).
 *
 *   npm run package:linux   → release/*.AppImage, release/*.deb
 *   npm run package:win     → release/*Setup*.exe
 *
 * Native modules are NOT rebuilt here (npmRebuild: false): they are rebuilt for Electron beforehand
 * with `npm run package:native` on a machine that can download Electron's headers, and the
 * afterPack hook refuses any module still built for Node. The same hook flips and verifies the
 * fuses. See build/PACKAGING.md and docs/release-checklist.md.
 */
import type { Configuration } from 'electron-builder';
import afterPack from './afterPack';

const config: Configuration = {
  appId: 'ua.example.kabinet-kiosk',
  productName: 'Kabinet Kiosk',
  executableName: 'kabinet-kiosk',
  copyright: 'Kabinet Kiosk team',
  directories: { output: 'release', buildResources: 'build/resources' },
  // the bundles (built by `npm run build`) and package.json; production dependencies come with them
  files: [
    'dist/renderer/**/*',
    'dist-electron/**/*',
    'package.json',
    '!**/*.map',
    // native build leftovers: intermediate objects, sources, and better-sqlite3's test extension
    '!**/node_modules/*/build/Release/obj.target/**',
    '!**/node_modules/*/build/Release/.deps/**',
    '!**/node_modules/better-sqlite3/build/Release/test_extension.node',
    '!**/node_modules/better-sqlite3/{deps,src}/**',
  ],
  asar: true,
  // native modules load from outside the archive (the fuses still only load the app from it)
  asarUnpack: ['**/*.node'],
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  // only Ukrainian and English are shown; the other Chromium locales are not shipped
  electronLanguages: ['uk', 'en-US'],
  afterPack,
  // fuses are flipped (and read back) by afterPack, not by electron-builder's own step
  electronFuses: null,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    synopsis: 'Self-service kiosk for the eHealth patient cabinet',
    description:
      'Kabinet Kiosk lets patients at a clinic reception view and update their eHealth (ЕСОЗ) data, declarations and e-cabinet access with their own qualified e-signature.',
    maintainer: 'Kabinet Kiosk team <kiosk@example.invalid>',
    executableArgs: [],
  },
  deb: {
    // pcscd: smart-card/token readers; the rest are Electron's own needs (electron-builder's defaults)
    depends: [
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
    ],
    recommends: ['pcscd', 'cups', 'udisks2'],
    priority: 'optional',
  },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    executableName: 'kabinet-kiosk',
  },
  nsis: {
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: false,
    // the kiosk's data (outbox, audit log) must survive an uninstall/reinstall during an update
    deleteAppDataOnUninstall: false,
    runAfterFinish: false,
    createDesktopShortcut: false,
    createStartMenuShortcut: true,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
};

export default config;
