import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installBrowserBridge } from './api/browser-bridge';
import { installKioskHardening } from './kiosk/hardening';
import './styles/base.css';
import './styles/components.css';
import './styles/keyboard.css';

// Before anything calls kiosk(): without the Electron preload, talk to the browser host.
installBrowserBridge(window);
installKioskHardening(window);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
