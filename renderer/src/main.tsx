import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installKioskHardening } from './kiosk/hardening';
import './styles/base.css';
import './styles/components.css';
import './styles/keyboard.css';

installKioskHardening(window);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
