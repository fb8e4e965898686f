// @ts-check
/**
 * The renderer's clause of kiosk/boundaries: screens and components reach main through a store.
 * Only the stores (renderer/src/stores/**), the api module itself (renderer/src/api/**) and the
 * page's entry (renderer/src/main.tsx, which wires the browser-host bridge) may import the api
 * module or the stores' bridge (renderer/src/stores/bridge.ts). Tests are exempt: they install
 * a fake main through the api module.
 */

const API = 'renderer/src/api';
const BRIDGE = 'renderer/src/stores/bridge';

/** @param {string} rel */
const isRendererTest = (rel) =>
  rel.startsWith('renderer/test/') || /\.test\.tsx?$/.test(rel) || /test-support\.tsx?$/.test(rel);

/** @param {string} rel */
const mayReachMain = (rel) =>
  rel.startsWith('renderer/src/stores/') || rel.startsWith(`${API}/`) || rel === 'renderer/src/main.tsx';

/**
 * @param {string} from the importing file, relative to the project
 * @param {string} target the imported file or folder, relative to the project (no extension needed)
 * @returns {string | null} why the import is refused, or null
 */
export function rendererBridgeViolation(from, target) {
  if (!from.startsWith('renderer/src/') || isRendererTest(from) || mayReachMain(from)) return null;
  const t = target.replace(/\.(ts|tsx|js)$/, '').replace(/\/$/, '');
  const reachesMain = t === API || t.startsWith(`${API}/`) || t === BRIDGE;
  return reachesMain
    ? 'screens and components reach main through a store (only stores/, api/ and main.tsx import the bridge)'
    : null;
}
