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
    { metric: 'critical path gzip', unit: 'KB' },
    { metric: 'critical path brotli', unit: 'KB' },
    { metric: 'critical path round trips', unit: 'count' },
    { metric: 'opening gzip', unit: 'KB' },
    { metric: 'opening brotli', unit: 'KB' },
    { metric: 'everything gzip', unit: 'KB' },
    { metric: 'everything brotli', unit: 'KB' },
    { metric: 'amazon-connect-chatjs gzip', unit: 'KB' },
    { metric: 'amazon-connect-chatjs brotli', unit: 'KB' },
    { metric: 'chatjs / (loader + opening), gzip', unit: 'x' },
    { metric: 'chatjs / (loader + opening), brotli', unit: 'x' },
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
    emit(fig('', 'critical path gzip', cdn.critical.gzip, 'KB', `click → usable window: ${list(cdn.critical.files)} (budget 32 KB)`));
    emit(fig('', 'critical path brotli', cdn.critical.brotli, 'KB'));
    emit(fig('', 'critical path round trips', cdn.critical.roundTrips, 'count', 'after the click (budget 1)'));
    emit(fig('', 'opening gzip', cdn.opening.gzip, 'KB', `to connected and the first plain-text message: ${list(cdn.opening.files)} (budget 50 KB)`));
    emit(fig('', 'opening brotli', cdn.opening.brotli, 'KB'));
    emit(fig('', 'everything gzip', cdn.everything.gzip, 'KB', `${cdn.everything.files.length} files in ${CDN_DIR} (budget 125 KB)${cdn.unreachable.length ? `; unreachable: ${cdn.unreachable.join(', ')}` : ''}`));
    emit(fig('', 'everything brotli', cdn.everything.brotli, 'KB'));
    if (chatjs) {
      const gz = cdn.loader.gzip + cdn.opening.gzip;
      const br = cdn.loader.brotli + cdn.opening.brotli;
      emit(fig('', 'chatjs / (loader + opening), gzip', chatjs.gzip / gz, 'x', `${(chatjs.gzip / 1024).toFixed(1)} KB vs ${(gz / 1024).toFixed(1)} KB`));
      emit(fig('', 'chatjs / (loader + opening), brotli', chatjs.brotli / br, 'x', `${(chatjs.brotli / 1024).toFixed(1)} KB vs ${(br / 1024).toFixed(1)} KB`));
    }
  },
};
