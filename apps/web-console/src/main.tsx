import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { BootError } from './app/BootError';
import { loadRuntimeConfig } from './app/runtime-config';
import { createUserManager } from './auth/user-manager';
import { AuthSession } from './auth/session';

const root = createRoot(document.getElementById('root')!);

loadRuntimeConfig()
  .then((config) => {
    root.render(
      <StrictMode>
        <App session={new AuthSession(createUserManager(config))} />
      </StrictMode>,
    );
  })
  .catch((e: Error) => root.render(<BootError message={e.message} />));
