// Sizes: the script-tag distribution (dist/cdn) next to amazon-connect-chatjs's browser bundle.
import { existsSync, readFileSync } from 'node:fs';
import { CDN_DIR } from '../env.js';
import { fig, na } from '../report.js';
import type { Scenario } from '../scenario.js';
import { compressedSize, measureCdn, measureFile } from '../sizes.js';

export const CHATJS_DIST = 'node_modules/amazon-connect-chatjs/dist/amazon-connect-chat.js';

export const sizes: Scenario = {
  id: 'sizes',
  title: 'sizes',
  needsWidget: false,
  timeoutMs: 60_000,
  metrics: [
    { metric: 'loader.js gzip', unit: 'KB' },
    { metric: 'loader.js brotli', unit: 'KB' },
    { metric: 'widget on open gzip', unit: 'KB' },
    { metric: 'widget on open brotli', unit: 'KB' },
    { metric: 'everything gzip', unit: 'KB' },
    { metric: 'everything brotli', unit: 'KB' },
    { metric: 'amazon-connect-chatjs gzip', unit: 'KB' },
    { metric: 'amazon-connect-chatjs brotli', unit: 'KB' },
    { metric: 'chatjs / (loader + widget on open), gzip', unit: 'x' },
    { metric: 'chatjs / (loader + widget on open), brotli', unit: 'x' },
  ],
  async run(ctx, emit) {
    let chatjs: ReturnType<typeof compressedSize> | undefined;
    if (existsSync(CHATJS_DIST)) {
      chatjs = compressedSize(readFileSync(CHATJS_DIST));
      const version = (JSON.parse(readFileSync('node_modules/amazon-connect-chatjs/package.json', 'utf8')) as { version: string }).version;
      const note = `v${version}, ${(chatjs.raw / 1024).toFixed(0)} KB raw; protocol library only, no UI`;
      emit(fig('', 'amazon-connect-chatjs gzip', chatjs.gzip, 'KB', note));
      emit(fig('', 'amazon-connect-chatjs brotli', chatjs.brotli, 'KB'));
    } else {
      emit(na('', 'amazon-connect-chatjs gzip', `${CHATJS_DIST} missing; run npm install`, 'KB'));
      emit(na('', 'amazon-connect-chatjs brotli', `${CHATJS_DIST} missing; run npm install`, 'KB'));
    }
    // loader.js on its own first: it is built apart from the widget and needs no manifest.
    try {
      const loader = measureFile(CDN_DIR, 'loader.js');
      emit(fig('', 'loader.js gzip', loader.gzip, 'KB', `${loader.gzip} B (budget 2048 B)`));
      emit(fig('', 'loader.js brotli', loader.brotli, 'KB', `${loader.brotli} B`));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      emit(na('', 'loader.js gzip', reason, 'KB'));
      emit(na('', 'loader.js brotli', reason, 'KB'));
    }
    let cdn: ReturnType<typeof measureCdn>;
    try {
      cdn = measureCdn(CDN_DIR);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      for (const m of sizes.metrics) if (!m.metric.startsWith('amazon') && !m.metric.startsWith('loader')) emit(na('', m.metric, reason, m.unit));
      return;
    }
    ctx.details.sizes = cdn;
    const list = (files: { file: string }[]) => files.map((f) => f.file).join(' + ');
    emit(fig('', 'widget on open gzip', cdn.open.gzip, 'KB', `${list(cdn.open.files)} (budget 55 KB)`));
    emit(fig('', 'widget on open brotli', cdn.open.brotli, 'KB'));
    emit(fig('', 'everything gzip', cdn.everything.gzip, 'KB', `${cdn.everything.files.length} files in ${CDN_DIR} (budget 70 KB)`));
    emit(fig('', 'everything brotli', cdn.everything.brotli, 'KB'));
    if (chatjs) {
      const gz = cdn.loader.gzip + cdn.open.gzip;
      const br = cdn.loader.brotli + cdn.open.brotli;
      emit(fig('', 'chatjs / (loader + widget on open), gzip', chatjs.gzip / gz, 'x', `${(chatjs.gzip / 1024).toFixed(1)} KB vs ${(gz / 1024).toFixed(1)} KB`));
      emit(fig('', 'chatjs / (loader + widget on open), brotli', chatjs.brotli / br, 'x', `${(chatjs.brotli / 1024).toFixed(1)} KB vs ${(br / 1024).toFixed(1)} KB`));
    }
  },
};
