/**
 * The analysis worker: a worker_threads entry (bundled to server/out/analysisWorker.js) that owns the
 * segmenter and runs the pure core, so that analysing a 2 MB file or indexing a workspace never blocks
 * the language server's event loop. The core is pure, so it runs here unchanged; messages are plain data.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeChunked, createPieceCache, fixAllChunked, type PieceCache } from './chunked';
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

/**
 * What is kept of the documents analysed last (open documents being edited), most recent last: the
 * segmented lines, and for a document long enough to be analysed in pieces, each piece's result.
 */
const documentCaches = new Map<string, { lines: LineCache; pieces: PieceCache }>();
const MAX_CACHED_DOCUMENTS = 4;

function documentCacheFor(key: string | undefined): { lines: LineCache; pieces: PieceCache } | undefined {
  if (key === undefined) return undefined;
  // results are posted to the main thread, which copies them: the piece cache need not
  const cache = documentCaches.get(key) ?? { lines: createLineCache(), pieces: createPieceCache(false) };
  documentCaches.delete(key);
  documentCaches.set(key, cache);
  for (const old of documentCaches.keys()) {
    if (documentCaches.size <= MAX_CACHED_DOCUMENTS) break;
    documentCaches.delete(old);
  }
  return cache;
}

function handle(request: WorkerRequest): WorkerReply {
  switch (request.kind) {
    case 'analyze': {
      // pieces as `policymark check` cuts them, so that the editor and the CLI agree on large files
      const cache = documentCacheFor(request.cacheKey);
      const value = analyzeChunked(
        request.text,
        withSegmenter(request.options, request.useSegmenter, cache?.lines),
        undefined,
        cache?.pieces,
      );
      // pieces taken from the cache segmented nothing this time: keeping only the lines looked up would drop
      // theirs, and the next edit there would segment the whole piece again
      if (cache && cache.pieces.reused === 0) retainUsedLines(cache.lines);
      return { id: request.id, ok: true, value };
    }
    case 'fixAll': {
      const options = withSegmenter(request.options, request.useSegmenter);
      const result = fixAllChunked(request.text, options);
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
