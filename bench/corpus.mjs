// Deterministic benchmark corpora built from the seed fixtures: the texts are concatenated and varied
// (figures changed, paragraphs reordered) with a seeded PRNG, so every run measures the same bytes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const fixtures = join(here, '..', 'test', 'fixtures', 'seeds');
export const workDir = join(here, '.work');

/** mulberry32: a small, well-known seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedParagraphs() {
  const files = readdirSync(fixtures)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return files
    .flatMap((f) =>
      readFileSync(join(fixtures, f), 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\n\s*\n/),
    )
    .filter((p) => p.trim());
}

/** A varied copy of a paragraph: every figure gets new digits of the same length, so entity density is kept. */
function vary(paragraph, random) {
  return paragraph.replace(/\d/g, (d) => (random() < 0.3 ? String(Math.floor(random() * 10)) : d));
}

/** Text of about `bytes` UTF-8 bytes. */
export function buildText(bytes, seed = 1) {
  const random = prng(seed);
  const paragraphs = seedParagraphs();
  const out = [];
  let size = 0;
  while (size < bytes) {
    const p = vary(paragraphs[Math.floor(random() * paragraphs.length)], random);
    out.push(p);
    size += Buffer.byteLength(p, 'utf8') + 2;
  }
  return out.join('\n\n') + '\n';
}

/** Writes the corpora once (reused when present): 40 KB, 1 MB, 10 MB and a 200-file workspace. */
export function ensureCorpora() {
  mkdirSync(workDir, { recursive: true });
  const sizes = { '40kb': 40 * 1024, '1mb': 1024 * 1024, '10mb': 10 * 1024 * 1024 };
  const paths = {};
  for (const [name, bytes] of Object.entries(sizes)) {
    const path = join(workDir, `corpus-${name}.txt`);
    if (!existsSync(path)) writeFileSync(path, buildText(bytes, bytes));
    paths[name] = path;
  }
  const workspace = join(workDir, 'workspace-200');
  if (!existsSync(join(workspace, 'doc-199.txt'))) {
    mkdirSync(workspace, { recursive: true });
    for (let i = 0; i < 200; i++) writeFileSync(join(workspace, `doc-${String(i).padStart(3, '0')}.txt`), buildText(20 * 1024, 1000 + i));
  }
  paths.workspace = workspace;
  return paths;
}

if (import.meta.main || process.argv[1] === import.meta.filename) console.log(ensureCorpora());
