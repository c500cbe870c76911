// `npm run test:pack`: the package as a site owner gets it. Builds (unless --no-build), packs it with
// `npm pack`, installs the tarball into an empty folder, and there runs `npx connect-chat-emulator`
// (flags, /health, the agent console without Vite, the bot, a chat over REST and WebSocket, SIGTERM)
// and imports connect-chat-widget/server and /emulator. Ends with one line `N passed, N failed`.
// Not part of `npm test`: the install takes a while. Exit code 0 only when everything passed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const started = Date.now();
const root = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'connect-chat-pack-'));
const app = join(work, 'app');
let passed = 0;
let failed = 0;

function check(title, ok, detail = '') {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${title}${!ok && detail ? `: ${detail}` : ''}`);
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function finish() {
  rmSync(work, { recursive: true, force: true });
  console.log(`pack test: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

if (!process.argv.includes('--no-build')) {
  const built = spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    check('npm run build', false, `exit ${built.status}`);
    finish();
  }
}

const pack = run('npm', ['pack', '--pack-destination', work, '--silent'], root);
const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
check('npm pack writes a tarball', pack.status === 0 && tarball !== undefined, pack.stderr);
if (!tarball) finish();

mkdirSync(app);
writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-test-site', private: true, type: 'module' }, null, 2));
const install = run('npm', ['install', join(work, tarball), '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app);
check('npm install <tarball> into an empty folder', install.status === 0, install.stderr.slice(-2000));
if (install.status !== 0) finish();

const help = run('npx', ['--no-install', 'connect-chat-emulator', '--help'], app);
const flags = ['--port', '--host', '--public-url', '--allow-origin', '--no-bot', '--no-agent-console', '--strict-cors', '--verbose', '--help', '--version'];
check('npx connect-chat-emulator --help lists every flag', help.status === 0 && flags.every((f) => help.stdout.includes(f)), help.stderr || help.stdout);
const version = run('npx', ['--no-install', 'connect-chat-emulator', '--version'], app);
check('--version prints the package version', version.status === 0 && /^\d+\.\d+\.\d+/.test(version.stdout.trim()), version.stdout + version.stderr);
const bad = run('npx', ['--no-install', 'connect-chat-emulator', '--port', 'eighty'], app);
check('a bad flag exits 2 naming it', bad.status === 2 && bad.stderr.includes('--port must be a port number'), bad.stderr);

// The emulator, started from the bin npx runs (started directly so the signal reaches it and not npx
// alone), talked to with nothing but fetch and the ws it brought.
const child = spawn(join(app, 'node_modules', '.bin', 'connect-chat-emulator'), ['--port', '0'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
let err = '';
child.stdout.on('data', (d) => (out += d));
child.stderr.on('data', (d) => (err += d));
const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal })));
const deadline = Date.now() + 30_000;
while (!out.includes('\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
const line = out.split('\n')[0];
const url = /^emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)?.[1];
check('npx connect-chat-emulator prints "emulator listening on http://127.0.0.1:PORT"', url !== undefined, line || err);

if (url) {
  const checkScript = `
    import WebSocket from 'ws';
    const url = ${JSON.stringify(url)};
    const results = [];
    const check = (title, ok, detail = '') => results.push({ title, ok: Boolean(ok), detail: String(detail) });
    const post = async (path, body, headers = {}) => {
      const r = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      return { status: r.status, body: await r.json() };
    };
    try {
      check('GET /health answers 200', (await fetch(url + '/health')).status === 200);
      const page = await fetch(url + '/agent');
      check('the agent console page is served', page.status === 200 && (await page.text()).includes('console.js'));
      const js = await fetch(url + '/agent/console.js');
      check('the agent console bundle is served prebuilt (no Vite installed)', js.status === 200 && (await js.text()).length > 10_000);
      const started = await post('/start-chat', { ParticipantDetails: { DisplayName: 'Pack' } });
      const chat = started.body.data?.startChatResult;
      check('POST /start-chat starts a chat', started.status === 200 && chat?.ParticipantToken, JSON.stringify(started.body));
      const connection = await post('/participant/connection', { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] }, { 'x-amz-bearer': chat.ParticipantToken });
      check('CreateParticipantConnection hands out ws://127.0.0.1', /^ws:\\/\\/127\\.0\\.0\\.1:/.test(connection.body.Websocket?.Url ?? ''), JSON.stringify(connection.body));
      const greeting = await new Promise((resolveGreeting) => {
        const ws = new WebSocket(connection.body.Websocket.Url);
        const timer = setTimeout(() => { ws.terminate(); resolveGreeting(null); }, 15_000);
        ws.on('open', () => ws.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } })));
        ws.on('message', (data) => {
          const frame = JSON.parse(String(data));
          if (frame.topic !== 'aws/chat') return;
          const item = JSON.parse(frame.content);
          if (item.Type === 'MESSAGE' && item.ParticipantRole === 'SYSTEM') { clearTimeout(timer); ws.close(); resolveGreeting(item.Content); }
        });
        ws.on('error', () => {});
      });
      check('the demo bot greets over the WebSocket (ws is installed with the package)', typeof greeting === 'string' && greeting.length > 0, greeting);
      const foreign = await fetch(url + '/emulator/contacts', { headers: { origin: 'http://evil.example' } });
      check('the control API refuses a foreign origin', foreign.status === 403);

      const server = await import('connect-chat-widget/server');
      const handler = server.createStartChatHandler({ instanceId: 'i', contactFlowId: 'f', region: 'us-east-1', endpoint: url, allowedOrigins: ['https://shop.example'], log: () => {} });
      const answer = await handler(new Request('https://api.example/start-chat', { method: 'POST', headers: { origin: 'https://shop.example', 'content-type': 'application/json' }, body: '{}' }));
      const said = await answer.json();
      check('connect-chat-widget/server loads without @aws-sdk/client-connect and says to install it', answer.status === 502 && said.code === 'sdk-missing' && /install @aws-sdk\\/client-connect/.test(said.message), JSON.stringify(said));
      check('toNodeListener and toLambdaHandler are exported', typeof server.toNodeListener === 'function' && typeof server.toLambdaHandler === 'function');

      const { startEmulator } = await import('connect-chat-widget/emulator');
      const own = await startEmulator({ port: 0 });
      check('connect-chat-widget/emulator starts an emulator from code', (await fetch(own.url + '/health')).status === 200);
      await own.close();
    } catch (error) {
      check('the checks ran to the end', false, error?.stack ?? error);
    }
    console.log(JSON.stringify(results));
  `;
  writeFileSync(join(app, 'check.mjs'), checkScript);
  const checks = run('node', ['check.mjs'], app);
  let results = [];
  try {
    results = JSON.parse(checks.stdout.trim().split('\n').at(-1) ?? '[]');
  } catch {
    check('the check script reports', false, checks.stdout + checks.stderr);
  }
  for (const r of results) check(r.title, r.ok, r.detail);
}

child.kill('SIGTERM');
const exit = await Promise.race([exited, new Promise((r) => setTimeout(() => r({ code: 'timeout' }), 10_000))]);
check('SIGTERM stops it with exit code 0', exit.code === 0, JSON.stringify(exit));
if (url) {
  const stillThere = await fetch(`${url}/health`).then(() => true, () => false);
  check('its port is free after SIGTERM', !stillThere);
}
finish();
