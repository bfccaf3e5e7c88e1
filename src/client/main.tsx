// Entry point: render the app, register the service worker (sw-bridge asks before updating) and
// ask the browser to keep our storage, so the case records are not evicted under pressure.
import { render } from 'preact';
import { App } from './app';
import { registerServiceWorker } from './sw-bridge';
import { requestPersistentStorage } from '../local/persist-storage';
import './styles.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
registerServiceWorker();
void requestPersistentStorage();
