/**
 * A stand-in for the `electron` module in unit tests (there is no Electron runtime in CI). Use it with
 *
 *   vi.mock('electron', () => import('../../test/mocks/electron'));
 *
 * It imitates only what the kiosk touches: event emitters behave like Electron's (handlers receive an
 * event with `preventDefault`), handlers that Electron would call later are stored so a test can call
 * them, and every window/session/IPC registration is recorded in `electronMock`.
 */
import { EventEmitter } from 'node:events';

export class FakeEvent {
  defaultPrevented = false;
  constructor(extra: Record<string, unknown> = {}) {
    Object.assign(this, extra);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type Listener = (...args: unknown[]) => unknown;

/** Emits like Electron: returns the event object so a test can check `defaultPrevented`. */
class FakeEmitter extends EventEmitter {
  fire(name: string, eventProps: Record<string, unknown> = {}, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent(eventProps);
    this.emit(name, event, ...args);
    return event;
  }
  handlers(name: string): Listener[] {
    return this.listeners(name) as Listener[];
  }
}

export type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export class FakeProtocol {
  readonly handled = new Map<string, ProtocolHandler>();
  handle = (scheme: string, handler: ProtocolHandler): void => {
    if (this.handled.has(scheme)) throw new Error(`scheme ${scheme} is already handled`);
    this.handled.set(scheme, handler);
  };
  unhandle = (scheme: string): void => {
    this.handled.delete(scheme);
  };
  isProtocolHandled = (scheme: string): boolean => this.handled.has(scheme);
}

type PermissionRequestHandler = (
  wc: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (wc: unknown, permission: string, origin: string, details: unknown) => boolean;
type BeforeRequestListener = (
  details: { url: string; method?: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;

export class FakeSession extends FakeEmitter {
  readonly protocol = new FakeProtocol();
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  displayMediaRequestHandler: ((req: unknown, cb: (streams: unknown) => void) => void) | null = null;
  beforeRequest: { filter: { urls: string[] }; listener: BeforeRequestListener } | null = null;
  readonly cleared: string[] = [];
  spellCheckerEnabled = true;

  constructor(readonly partition: string) {
    super();
  }

  setPermissionRequestHandler = (h: PermissionRequestHandler | null): void => {
    this.permissionRequestHandler = h;
  };
  setPermissionCheckHandler = (h: PermissionCheckHandler | null): void => {
    this.permissionCheckHandler = h;
  };
  setDevicePermissionHandler = (h: ((details: unknown) => boolean) | null): void => {
    this.devicePermissionHandler = h;
  };
  setDisplayMediaRequestHandler = (
    h: ((req: unknown, cb: (streams: unknown) => void) => void) | null,
  ): void => {
    this.displayMediaRequestHandler = h;
  };
  setSpellCheckerEnabled = (enabled: boolean): void => {
    this.spellCheckerEnabled = enabled;
  };
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: BeforeRequestListener | null): void => {
      this.beforeRequest = listener ? { filter, listener } : null;
    },
  };
  clearStorageData = async (): Promise<void> => {
    this.cleared.push('storage');
  };
  clearCache = async (): Promise<void> => {
    this.cleared.push('cache');
  };
  clearAuthCache = async (): Promise<void> => {
    this.cleared.push('auth');
  };
  clearCodeCaches = async (): Promise<void> => {
    this.cleared.push('code');
  };
}

export interface FakeFrame {
  url: string;
  origin: string;
  parent: FakeFrame | null;
}

let nextWebContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextWebContentsId++;
  url = '';
  destroyed = false;
  zoomFactor = 1;
  visualZoomLimits: [number, number] | null = null;
  devToolsOpen = false;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly loaded: string[] = [];
  mainFrame: FakeFrame = { url: '', origin: '', parent: null };

  constructor(readonly session: FakeSession) {
    super();
  }

  getURL = (): string => this.url;
  isDestroyed = (): boolean => this.destroyed;
  loadURL = async (url: string): Promise<void> => {
    this.loaded.push(url);
    this.url = url;
    this.mainFrame = { url, origin: new URL(url).host ? `app://${new URL(url).host}` : '', parent: null };
    this.emit('did-finish-load');
  };
  send = (channel: string, ...args: unknown[]): void => {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  };
  setWindowOpenHandler = (h: (details: { url: string }) => { action: 'allow' | 'deny' }): void => {
    this.windowOpenHandler = h;
  };
  setVisualZoomLevelLimits = async (min: number, max: number): Promise<void> => {
    this.visualZoomLimits = [min, max];
  };
  setZoomFactor = (f: number): void => {
    this.zoomFactor = f;
  };
  getZoomFactor = (): number => this.zoomFactor;
  setZoomLevel = (level: number): void => {
    this.zoomFactor = 1.2 ** level;
  };
  openDevTools = (): void => {
    this.devToolsOpen = true;
    this.emit('devtools-opened');
  };
  closeDevTools = (): void => {
    this.devToolsOpen = false;
  };
  isDevToolsOpened = (): boolean => this.devToolsOpen;
}

export class FakeSessionModule {
  readonly partitions = new Map<string, FakeSession>();
  readonly fromPartitionCalls: { partition: string; options: unknown }[] = [];
  defaultSession = new FakeSession('');
  fromPartition = (partition: string, options?: unknown): FakeSession => {
    this.fromPartitionCalls.push({ partition, options });
    let s = this.partitions.get(partition);
    if (!s) {
      s = new FakeSession(partition);
      this.partitions.set(partition, s);
    }
    return s;
  };
}

export interface WindowOptions {
  webPreferences?: { partition?: string; preload?: string; [k: string]: unknown };
  [k: string]: unknown;
}

export class BrowserWindow extends FakeEmitter {
  static all: BrowserWindow[] = [];
  static getAllWindows = (): BrowserWindow[] => BrowserWindow.all.filter((w) => !w.destroyed);

  readonly webContents: FakeWebContents;
  destroyed = false;
  visible = false;
  menuRemoved = false;
  focused = 0;
  readonly options: WindowOptions;

  constructor(options: WindowOptions = {}) {
    super();
    this.options = options;
    const partition = options.webPreferences?.partition;
    const ses = partition ? session.fromPartition(partition) : session.defaultSession;
    this.webContents = new FakeWebContents(ses);
    BrowserWindow.all.push(this);
    electronMock.windows.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }

  loadURL = (url: string): Promise<void> => this.webContents.loadURL(url);
  show = (): void => {
    this.visible = true;
  };
  focus = (): void => {
    this.focused++;
  };
  isMinimized = (): boolean => false;
  restore = (): void => undefined;
  removeMenu = (): void => {
    this.menuRemoved = true;
  };
  setMenuBarVisibility = (): void => undefined;
  isDestroyed = (): boolean => this.destroyed;
  isKiosk = (): boolean => this.options.kiosk === true;
  close = (): void => {
    this.destroy();
  };
  destroy = (): void => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  };
}

class FakeApp extends FakeEmitter {
  singleInstanceLock = true;
  readonly paths = new Map<string, string>();
  quitCalls = 0;
  exitCodes: number[] = [];
  readonly switches: [string, string | undefined][] = [];
  whenReady = async (): Promise<void> => undefined;
  isReady = (): boolean => true;
  requestSingleInstanceLock = (): boolean => this.singleInstanceLock;
  quit = (): void => {
    this.quitCalls++;
  };
  exit = (code = 0): void => {
    this.exitCodes.push(code);
  };
  getVersion = (): string => '0.0.0-test';
  getAppPath = (): string => '/app';
  isPackaged = false;
  setPath = (name: string, value: string): void => {
    this.paths.set(name, value);
  };
  getPath = (name: string): string => this.paths.get(name) ?? `/fake/${name}`;
  readonly commandLine = {
    appendSwitch: (name: string, value?: string): void => {
      this.switches.push([name, value]);
    },
  };
}

export const app = new FakeApp();
export const session = new FakeSessionModule();

export const protocol = {
  privileged: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  registerSchemesAsPrivileged: (
    schemes: { scheme: string; privileges?: Record<string, boolean> }[],
  ): void => {
    protocol.privileged.push(...schemes);
  },
};

export const Menu = {
  applicationMenu: 'default' as unknown,
  setApplicationMenu: (menu: unknown): void => {
    Menu.applicationMenu = menu;
  },
};

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle: (channel: string, handler: InvokeHandler): void => {
    if (ipcMain.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  },
  removeHandler: (channel: string): void => {
    ipcMain.handlers.delete(channel);
  },
};

type RendererListener = (event: unknown, ...args: unknown[]) => void;

export const ipcRenderer = {
  invocations: [] as { channel: string; args: unknown[] }[],
  /** What the next invoke resolves to; a function receives the channel and arguments. */
  reply: ((channel: string) => ({ ok: true, value: { channel } })) as (
    channel: string,
    ...args: unknown[]
  ) => unknown,
  listeners: new Map<string, Set<RendererListener>>(),
  invoke: async (channel: string, ...args: unknown[]): Promise<unknown> => {
    ipcRenderer.invocations.push({ channel, args });
    return ipcRenderer.reply(channel, ...args);
  },
  on: (channel: string, listener: RendererListener) => {
    const set = ipcRenderer.listeners.get(channel) ?? new Set();
    set.add(listener);
    ipcRenderer.listeners.set(channel, set);
    return ipcRenderer;
  },
  removeListener: (channel: string, listener: RendererListener) => {
    ipcRenderer.listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
  /** Test helper: what main's `webContents.send(channel, payload)` would deliver. */
  deliver: (channel: string, payload: unknown): void => {
    for (const l of ipcRenderer.listeners.get(channel) ?? [])
      l({ sender: ipcRenderer, senderId: 0 }, payload);
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: (key: string, api: unknown): void => {
    if (contextBridge.exposed.has(key))
      throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    contextBridge.exposed.set(key, api);
  },
};

export class FakeUtilityProcess extends FakeEmitter {
  pid: number | undefined = 4242;
  killed = false;
  readonly posted: unknown[] = [];
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: unknown,
  ) {
    super();
  }
  postMessage = (message: unknown): void => {
    this.posted.push(message);
  };
  kill = (): boolean => {
    if (this.killed) return false;
    this.killed = true;
    this.pid = undefined;
    this.emit('exit', 0);
    return true;
  };
}

export const utilityProcess = {
  forked: [] as FakeUtilityProcess[],
  fork: (modulePath: string, args: string[] = [], options: unknown = {}): FakeUtilityProcess => {
    const p = new FakeUtilityProcess(modulePath, args, options);
    utilityProcess.forked.push(p);
    return p;
  },
};

/** Everything the fake recorded, plus a reset for `beforeEach`. */
export const electronMock = {
  windows: [] as BrowserWindow[],
  reset(): void {
    electronMock.windows.length = 0;
    BrowserWindow.all = [];
    app.removeAllListeners();
    app.singleInstanceLock = true;
    app.paths.clear();
    app.quitCalls = 0;
    app.exitCodes = [];
    app.switches.length = 0;
    session.partitions.clear();
    session.fromPartitionCalls.length = 0;
    session.defaultSession = new FakeSession('');
    protocol.privileged.length = 0;
    Menu.applicationMenu = 'default';
    ipcMain.handlers.clear();
    ipcRenderer.invocations.length = 0;
    ipcRenderer.listeners.clear();
    ipcRenderer.reply = (channel: string) => ({ ok: true, value: { channel } });
    contextBridge.exposed.clear();
    utilityProcess.forked.length = 0;
  },
};

/** Narrow an Electron-typed object back to its fake (tests only). */
export const fakeOf = <T>(value: unknown): T => value as T;

export default {
  app,
  session,
  protocol,
  Menu,
  ipcMain,
  ipcRenderer,
  contextBridge,
  utilityProcess,
  BrowserWindow,
};
