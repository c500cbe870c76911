// `tsx emulator/agent/prebuild.ts <folder>`: writes the agent console's bundle (console.js) and
// stylesheet (console.css) into <folder>, so the emulator from the npm package serves /agent without
// Vite (npm run build puts them beside the compiled emulator in dist/node/emulator/agent/).
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsoleBundle } from './build.js';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: tsx emulator/agent/prebuild.ts <folder>');
  process.exit(2);
}
const bundle = await buildConsoleBundle();
await mkdir(folder, { recursive: true });
await writeFile(join(folder, 'console.js'), bundle.js);
await copyFile(fileURLToPath(new URL('./console.css', import.meta.url)), join(folder, 'console.css'));
