/**
 * The analysis worker: a worker_threads entry (bundled to server/out/analysisWorker.js) that owns the
 * segmenter and runs the pure core, so that analysing a 2 MB file or indexing a workspace never blocks
 * the language server's event loop. The core is pure, so it runs here unchanged; messages are plain data.
 */
import { parentPort } from 'node:worker_threads';
import { fixAllToFixpoint } from './analysis/fixes/apply';
import { analyze } from './analysis/index';
import type { AnalysisOptions } from './analysis/options';
import { currentSegmenter, loadSegmenter, segmenterLoadError, skippedDictionaries } from './analysis/segment';
import type { WorkerReply, WorkerRequest } from './analyzer';

function withSegmenter(options: AnalysisOptions, useSegmenter: boolean): AnalysisOptions {
  const segmenter = useSegmenter ? currentSegmenter() : undefined;
  return segmenter ? { ...options, segmenter } : options;
}

function handle(request: WorkerRequest): WorkerReply {
  switch (request.kind) {
    case 'analyze':
      return { id: request.id, ok: true, value: analyze(request.text, withSegmenter(request.options, request.useSegmenter)) };
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
