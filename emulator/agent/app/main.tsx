// Entry of the agent console's browser bundle (built by ../build.ts, loaded by /agent).
import { render } from 'preact';
import { App } from './components/app.js';
import { startPolling } from './state.js';

const root = document.getElementById('app');
if (root) {
  render(<App />, root);
  startPolling();
}
