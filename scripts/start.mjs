// `npm start`: the demo. Starts what exists of it and prints the URLs to open; says what does not exist yet.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('emulator/demo.ts')) {
  console.log('The demo is not built yet: the emulator (emulator/) does not exist in this checkout.');
  console.log('What exists today: the Participant Service client (npm run build -> dist/client.js).');
  process.exit(0);
}
const child = spawn('npx', ['tsx', 'emulator/demo.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
