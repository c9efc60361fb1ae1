/**
 * The analysis worker: a worker_threads entry (bundled to server/out/analysisWorker.js) that owns the
 * segmenter and runs the pure core, so that analysing a 2 MB file or indexing a workspace never blocks
 * the language server's event loop. The core is pure, so it runs here unchanged; messages are plain data.
 */
import { parentPort } from 'node:worker_threads';
import { fixAllToFixpoint } from './analysis/fixes/apply';
import { analyze } from './analysis/index';
import type { AnalysisOptions } from './analysis/options';
import {
  createLineCache,
  currentSegmenter,
  lineCachingSegmenter,
  loadSegmenter,
  retainUsedLines,
  segmenterLoadError,
  skippedDictionaries,
  type LineCache,
} from './analysis/segment';
import type { WorkerReply, WorkerRequest } from './analyzer';

function withSegmenter(options: AnalysisOptions, useSegmenter: boolean, cache?: LineCache): AnalysisOptions {
  const loaded = useSegmenter ? currentSegmenter() : undefined;
  const segmenter = loaded && cache ? lineCachingSegmenter(loaded, cache) : loaded;
  return segmenter ? { ...options, segmenter } : options;
}

/** Segmented lines of the documents analysed last (open documents being edited), most recent last. */
const lineCaches = new Map<string, LineCache>();
const MAX_CACHED_DOCUMENTS = 4;

function lineCacheFor(key: string | undefined): LineCache | undefined {
  if (key === undefined) return undefined;
  const cache = lineCaches.get(key) ?? createLineCache();
  lineCaches.delete(key);
  lineCaches.set(key, cache);
  for (const old of lineCaches.keys()) {
    if (lineCaches.size <= MAX_CACHED_DOCUMENTS) break;
    lineCaches.delete(old);
  }
  return cache;
}

function handle(request: WorkerRequest): WorkerReply {
  switch (request.kind) {
    case 'analyze': {
      const cache = lineCacheFor(request.cacheKey);
      const value = analyze(request.text, withSegmenter(request.options, request.useSegmenter, cache));
      if (cache) retainUsedLines(cache);
      return { id: request.id, ok: true, value };
    }
    case 'fixAll': {
      const options = withSegmenter(request.options, request.useSegmenter);
      const result = fixAllToFixpoint(request.text, (t) => analyze(t, options).diagnostics);
      return { id: request.id, ok: true, value: { text: result.text, applied: result.applied.length } };
    }
    case 'loadSegmenter': {
      const started = Date.now();
      const loaded = loadSegmenter({ userDicts: request.userDicts }) !== undefined;
      return {
        id: request.id,
        ok: true,
        value: { loaded, ms: Date.now() - started, error: segmenterLoadError()?.message, skipped: [...skippedDictionaries()] },
      };
    }
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = handle(request);
  } catch (error) {
    reply = { id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
