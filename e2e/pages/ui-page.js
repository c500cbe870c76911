// Boots the widget on a UI test page. Options come from the query string so one page serves every
// spec: ?config={json}&open=1. The emulator runs on E2E_EMULATOR_PORT (default 18787).
import { boot } from '/dist/ui-e2e/ui-harness.js';

const params = new URLSearchParams(location.search);
const emulator = `http://127.0.0.1:${params.get('emu') ?? '18787'}`;
const given = JSON.parse(params.get('config') ?? '{}');
boot({ startChat: `${emulator}/start-chat`, endpoint: emulator, ...given }, { open: params.get('open') === '1' });
