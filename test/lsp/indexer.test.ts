/** The background indexer of the workspace (workspace/indexer.ts): rounds, their facts, and how files flow to the analyzer. */
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceFacts } from '../../server/src/analysis/options';
import { InlineAnalyzer, type JobOptions, type PortableOptions } from '../../server/src/analyzer';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { WorkspaceIndexer } from '../../server/src/workspace/indexer';

const FULL = '重庆市人力资源和社会保障局';
const dir = mkdtempSync(path.join(tmpdir(), 'policymark-indexer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The inline analyzer, counting how many analyses are outstanding at once. Its first analysis finishes only
 * once a second one has been asked for (or after two seconds): the indexer must send the next file while
 * one is being analysed, whatever the machine's timing.
 */
class CountingAnalyzer extends InlineAnalyzer {
  outstanding = 0;
  mostAtOnce = 0;
  calls = 0;
  private secondAsked: (() => void) | undefined;
  override async analyze(text: string, options: PortableOptions, useSegmenter: boolean, job?: JobOptions) {
    this.calls++;
    this.mostAtOnce = Math.max(this.mostAtOnce, ++this.outstanding);
    this.secondAsked?.();
    try {
      if (this.calls === 1) {
        await new Promise<void>((resolve) => {
          this.secondAsked = resolve;
          setTimeout(resolve, 2000).unref();
        });
        this.secondAsked = undefined;
      }
      return await super.analyze(text, options, useSegmenter, job);
    } finally {
      this.outstanding--;
    }
  }
}

test('every file of a round is analysed with the facts the round started from; a second round has the first one’s', async () => {
  // the full name comes last: only the second round can resolve the short names before it through it
  const files = 12;
  for (let i = 0; i < files; i++) {
    const text = i === files - 1 ? `${FULL}印发通知。` : `图片由市人社局提供，第${i}号。`;
    writeFileSync(path.join(dir, `doc-${String(i).padStart(2, '0')}.txt`), text);
  }
  const index = new WorkspaceIndex();
  let factsComputed = 0;
  const facts = index.facts.bind(index);
  index.facts = () => {
    factsComputed++;
    return facts();
  };
  const analyzer = new CountingAnalyzer();
  const seen: WorkspaceFacts[] = [];
  const indexer = new WorkspaceIndexer({
    index,
    analyzer,
    includeFor: async () => ['**/*.txt'],
    optionsFor: async (_uri, workspace) => {
      seen.push(workspace);
      return { options: { workspace }, maxDocumentSize: 1_000_000, useSegmenter: false };
    },
    isOpen: () => false,
    progress: { begin: async () => ({ report: () => undefined, done: () => undefined, cancelled: () => false }) },
    log: () => undefined,
    onDidUpdate: () => undefined,
  });
  await indexer.setFolders([pathToFileURL(dir).href]);
  // two rounds: the first found a full name, which changed the facts
  assert.equal(analyzer.calls, 2 * files);
  assert.equal(seen.length, 2 * files);
  const [first, second] = [seen.slice(0, files), seen.slice(files)];
  assert.ok(
    first.every((f) => f === first[0]),
    'one snapshot for the whole first round',
  );
  assert.ok(
    second.every((f) => f === second[0]),
    'one snapshot for the whole second round',
  );
  assert.deepEqual(first[0]!.orgNames, []);
  assert.ok(second[0]!.orgNames!.includes(FULL), 'the second round knows the full name the first one found');
  // the facts are gathered per round, not per file: indexing stays linear in the number of files
  assert.ok(factsComputed <= 6, `facts gathered ${factsComputed} times for ${2 * files} analyses`);
  // the analyzer is kept fed: the next file is on its way while one is analysed, and no more than that
  assert.equal(analyzer.mostAtOnce, 2);
  assert.equal(index.uris().length, files);
});
