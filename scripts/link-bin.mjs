// Links the project's own bins into node_modules/.bin (npm links dependencies' bins, not the root's),
// so that `node_modules/.bin/policymark` exists after `npm ci` for scripts and tools that look there.
import { existsSync, lstatSync, mkdirSync, symlinkSync, unlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const binDir = join(root, 'node_modules', '.bin');
const bins = { policymark: 'server/out/cli.js', 'policymark-ls': 'server/out/server.js' };
if (existsSync(join(root, 'node_modules'))) {
  mkdirSync(binDir, { recursive: true });
  for (const [name, target] of Object.entries(bins)) {
    const link = join(binDir, name);
    try {
      if (lstatSync(link)) unlinkSync(link);
    } catch {
      // not there yet
    }
    symlinkSync(relative(binDir, join(root, target)), link);
  }
}
