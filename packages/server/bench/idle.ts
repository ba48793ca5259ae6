// Idle customer sockets held open against one server process: what each one costs it in memory.
import type { ChildHandle } from './child.ts';
import { closeAll, openMany, wsUrl } from './sockets.ts';
import { round } from './stats.ts';

export interface IdleResult {
  connections: number;
  connectSeconds: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  rssBytesPerConnection: number;
  heapBytesPerConnection: number;
  heapTotalBytesPerConnection: number;
  externalBytesPerConnection: number;
}

const MB = 1024 * 1024;

export async function measureIdle(
  server: ChildHandle,
  options: { url: string; workspaceId: string; tokens: readonly string[]; batch: number },
): Promise<IdleResult> {
  const before = await server.request<NodeJS.MemoryUsage>('memory');
  const started = performance.now();
  const sockets = await openMany(wsUrl(options.url, `/api/v1/widget/${options.workspaceId}/ws`), options.tokens.map((token) => ({ token })), options.batch);
  const connectSeconds = (performance.now() - started) / 1000;
  const after = await server.request<NodeJS.MemoryUsage>('memory');
  await closeAll(sockets);
  const perConnection = (key: keyof NodeJS.MemoryUsage) => Math.round((after[key] - before[key]) / sockets.length);
  return {
    connections: sockets.length,
    connectSeconds: round(connectSeconds),
    rssBeforeMb: round(before.rss / MB),
    rssAfterMb: round(after.rss / MB),
    rssBytesPerConnection: perConnection('rss'),
    heapBytesPerConnection: perConnection('heapUsed'),
    heapTotalBytesPerConnection: perConnection('heapTotal'),
    externalBytesPerConnection: perConnection('external'),
  };
}
