/**
 * The cross-file index of mentions: every institution and document mention (by navigation key) and every
 * figure with a subject, in every indexed file, with its LSP range. Open documents are indexed from their
 * cached analyses, other files from the background indexer (indexer.ts); both replace a file's entry as a
 * whole. What the index knows flows back into analysis as `options.workspace` (facts()).
 */
import type { Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceFacts } from '../analysis/options';
import type { AnalysisResult, Approx, Entity } from '../analysis/types';
import { toRange } from '../lsp/convert';
import { entityKey, isFullMention, standardNumberOf } from './keys';
import { uriKey } from './uris';

/** One mention of an institution or a document. */
export interface Mention {
  uri: string;
  start: number;
  end: number;
  range: Range;
  text: string;
  kind: 'org' | 'docref';
  key: string;
  /** Names the thing in full (a definition target). */
  full: boolean;
  /** Canonical organisation name, or the document's title / number. */
  name: string;
  /** For documents: the number in standard form, the title, issuer, year, issuing organisation. */
  doc?: { number?: string; title?: string; issuer?: string; issuerOrg?: string; year?: number };
}

/** One figure with the subject it counts. */
export interface MetricMention {
  uri: string;
  range: Range;
  text: string;
  subject: string;
  value: number;
  unit: string;
  approx?: Approx;
}

/** Everything indexed from one file. */
export interface FileEntry {
  uri: string;
  /** The open document's version, or undefined for a file read from disk. */
  version?: number;
  mentions: Mention[];
  metrics: MetricMention[];
}

/** Builds a file's entry from its analysis. */
export function entryFromAnalysis(uri: string, text: string, result: AnalysisResult, version?: number): FileEntry {
  const document = TextDocument.create(uri, 'policytext', version ?? 0, text);
  const mentions: Mention[] = [];
  const metrics: MetricMention[] = [];
  for (const entity of result.entities) {
    if (entity.type === 'metric') {
      if (entity.subject)
        metrics.push({
          uri,
          range: toRange(document, entity.start, entity.end),
          text: entity.text,
          subject: entity.subject,
          value: entity.value,
          unit: entity.unit,
          approx: entity.approx,
        });
      continue;
    }
    const key = entityKey(entity);
    if (!key || (entity.type !== 'org' && entity.type !== 'docref')) continue;
    mentions.push({
      uri,
      start: entity.start,
      end: entity.end,
      range: toRange(document, entity.start, entity.end),
      text: entity.text,
      kind: entity.type,
      key,
      full: isFullMention(entity),
      name: nameOf(entity),
      doc: entity.type === 'docref' ? docDetails(entity) : undefined,
    });
  }
  return { uri, version, mentions, metrics };
}

function nameOf(entity: Entity): string {
  if (entity.type === 'org') return entity.canonical || entity.text;
  if (entity.type === 'docref') return entity.title ? `《${entity.title}》` : (docDetails(entity).number ?? entity.text);
  return entity.text;
}

function docDetails(entity: Extract<Entity, { type: 'docref' }>): NonNullable<Mention['doc']> {
  return {
    number: standardNumberOf(entity),
    title: entity.title,
    issuer: entity.issuer,
    issuerOrg: entity.issuerOrg,
    year: entity.year,
  };
}

/** A thing found by name (workspace symbols). */
export interface NamedThing {
  key: string;
  kind: 'org' | 'docref';
  name: string;
  /** Its defining mention. */
  definition: Mention;
  /** Every text it is mentioned by (aliases, abbreviations, number and title). */
  aliases: string[];
}

/** The index over all files. Cheap queries; rebuilt lazily after changes. */
export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  private byKey: Map<string, Mention[]> | undefined;
  /** doc:《title》 → the key of the one document some file names by that title and a number. */
  private titleKeys: Map<string, string> | undefined;
  private bySubject: Map<string, MetricMention[]> | undefined;
  private cachedFacts: { facts: WorkspaceFacts; signature: string } | undefined;
  /**
   * How many mentions of each fact the indexed files hold (full organisation names, intact document
   * numbers), kept as entries come and go: the facts change only when a count leaves or reaches zero, so
   * re-indexing an open document as it is edited does not make them gathered again from every file.
   */
  private readonly orgNameCounts = new Map<string, number>();
  private readonly docNumberCounts = new Map<string, number>();
  /**
   * The one file replaced since the key map was built, with the entry the map holds for it, when that is
   * all that changed and the file pairs the same titles with the same numbers (so no title key resolves
   * differently): an open document re-indexed at every edit. The next look-up patches that file's mentions
   * into the map instead of rebuilding it from every mention of the workspace.
   */
  private replacedSinceKeyMap: { file: string; inMap: FileEntry | undefined } | undefined;

  /** Replaces a file's entry. */
  set(entry: FileEntry): void {
    const key = uriKey(entry.uri);
    const previous = this.files.get(key);
    this.files.set(key, entry);
    // the new entry's first: a fact both name never drops to zero in between
    this.countFacts(entry, 1);
    if (previous) this.countFacts(previous, -1);
    const pending = this.replacedSinceKeyMap;
    const inMap = pending ? pending.inMap : previous;
    if (this.byKey && (!pending || pending.file === key) && titlePairs(inMap) === titlePairs(entry)) {
      this.replacedSinceKeyMap = { file: key, inMap };
      this.bySubject = undefined;
    } else this.invalidate();
  }

  /** Forgets a file (deleted, or no longer matching policymark.include). */
  delete(uri: string): void {
    const key = uriKey(uri);
    const previous = this.files.get(key);
    if (!previous) return;
    this.files.delete(key);
    this.countFacts(previous, -1);
    this.invalidate();
  }

  /** Forgets every file. */
  clearAll(): void {
    this.files.clear();
    this.orgNameCounts.clear();
    this.docNumberCounts.clear();
    this.cachedFacts = undefined;
    this.invalidate();
  }

  /** Adds (`by` 1) or removes (-1) an entry's facts; the cached facts go when one appears or disappears. */
  private countFacts(entry: FileEntry, by: 1 | -1): void {
    const count = (counts: Map<string, number>, fact: string) => {
      const now = (counts.get(fact) ?? 0) + by;
      if (now <= 0) counts.delete(fact);
      else counts.set(fact, now);
      if (now <= 0 || (by === 1 && now === 1)) this.cachedFacts = undefined;
    };
    for (const mention of entry.mentions) {
      if (mention.kind === 'org' && mention.full) count(this.orgNameCounts, mention.name);
      if (mention.kind === 'docref' && mention.doc?.number) count(this.docNumberCounts, mention.doc.number);
    }
  }

  /** Whether a file is indexed. */
  has(uri: string): boolean {
    return this.files.has(uriKey(uri));
  }

  /** A file's entry. */
  get(uri: string): FileEntry | undefined {
    return this.files.get(uriKey(uri));
  }

  /** URIs of the indexed files, as their entries spell them. */
  uris(): string[] {
    return [...this.files.values()].map((entry) => entry.uri);
  }

  /** Whether two URIs name one file. */
  static sameFile(a: string, b: string): boolean {
    return a === b || uriKey(a) === uriKey(b);
  }

  /** Every mention with this key, by file (in URI order) and position. */
  mentionsOf(key: string): Mention[] {
    const byKey = this.keyMap();
    return byKey.get(this.resolvedKey(key)) ?? [];
  }

  /** The key a title-only document key joins (see documentsByTitle), or the key itself. */
  private resolvedKey(key: string): string {
    const titleKeys = this.titleKeys!;
    return titleKeys.get(key) ?? titleKeys.get(withoutIssuer(key)) ?? key;
  }

  /**
   * The defining mention of a key: the first full mention in `fromUri` if it has one, else the first full
   * mention in the workspace (files in URI order, so the answer does not depend on indexing order), else
   * the first mention at all.
   */
  definitionOf(key: string, fromUri?: string): Mention | undefined {
    const all = this.mentionsOf(key);
    const from = fromUri === undefined ? undefined : uriKey(fromUri);
    const same = (uri: string) => from !== undefined && uriKey(uri) === from;
    return all.find((m) => m.full && same(m.uri)) ?? all.find((m) => m.full) ?? all.find((m) => same(m.uri)) ?? all[0];
  }

  /** Figures for this subject across the workspace. */
  metricsFor(subject: string): MetricMention[] {
    if (!this.bySubject) {
      this.bySubject = new Map();
      for (const uri of [...this.files.keys()].sort()) {
        for (const metric of this.files.get(uri)!.metrics) {
          const list = this.bySubject.get(metric.subject) ?? [];
          list.push(metric);
          this.bySubject.set(metric.subject, list);
        }
      }
    }
    return this.bySubject.get(subject) ?? [];
  }

  /** Institutions and documents whose name or any alias contains `query` (all of them for ""), best first. */
  search(query: string, limit = 200): NamedThing[] {
    const q = query.trim().toLowerCase();
    const found: { thing: NamedThing; score: number }[] = [];
    for (const [key, mentions] of this.keyMap()) {
      const definition = this.definitionOf(key)!;
      const aliases = [...new Set(mentions.map((m) => m.text))];
      const names = [definition.name, ...aliases];
      let score = q === '' ? 1 : 0;
      for (const name of names) {
        const n = name.toLowerCase();
        if (n === q) score = Math.max(score, 4);
        else if (n.startsWith(q)) score = Math.max(score, 3);
        else if (n.includes(q)) score = Math.max(score, 2);
        else if (q.length > 1 && isSubsequence(q, n)) score = Math.max(score, 1);
      }
      if (score > 0) found.push({ thing: { key, kind: definition.kind, name: definition.name, definition, aliases }, score });
    }
    // the key last: the map's order of keys depends on the order files came in, the answer must not
    found.sort((a, b) => b.score - a.score || a.thing.name.localeCompare(b.thing.name) || (a.thing.key < b.thing.key ? -1 : 1));
    return found.slice(0, limit).map((f) => f.thing);
  }

  /**
   * What analysis may use from the workspace: full organisation names and intact document numbers.
   * `signature` changes exactly when the facts do (so the server re-analyses only then).
   */
  facts(): { facts: WorkspaceFacts; signature: string } {
    if (!this.cachedFacts) {
      const facts = { orgNames: [...this.orgNameCounts.keys()].sort(), docNumbers: [...this.docNumberCounts.keys()].sort() };
      this.cachedFacts = { facts, signature: JSON.stringify(facts) };
    }
    return this.cachedFacts;
  }

  private keyMap(): Map<string, Mention[]> {
    if (this.byKey && this.replacedSinceKeyMap) this.patchKeyMap(this.replacedSinceKeyMap);
    if (!this.byKey) {
      const uris = [...this.files.keys()].sort();
      this.titleKeys = this.documentsByTitle(uris);
      this.byKey = new Map();
      for (const uri of uris) {
        for (const mention of this.files.get(uri)!.mentions) {
          const key = this.resolvedKey(mention.key);
          const list = this.byKey.get(key) ?? [];
          list.push(mention);
          this.byKey.set(key, list);
        }
      }
    }
    return this.byKey;
  }

  /**
   * The key map as a rebuild would make it after one file's entry changed: the mentions of the entry it
   * held go, the file's current ones go in where its URI sorts among the files of each key, in order.
   */
  private patchKeyMap({ file, inMap }: { file: string; inMap: FileEntry | undefined }): void {
    const byKey = this.byKey!;
    this.replacedSinceKeyMap = undefined;
    if (inMap) {
      const gone = new Set(inMap.mentions);
      for (const key of new Set(inMap.mentions.map((m) => this.resolvedKey(m.key)))) {
        const kept = (byKey.get(key) ?? []).filter((m) => !gone.has(m));
        if (kept.length) byKey.set(key, kept);
        else byKey.delete(key);
      }
    }
    const entry = this.files.get(file);
    if (!entry) return;
    const added = new Map<string, Mention[]>();
    for (const mention of entry.mentions) {
      const key = this.resolvedKey(mention.key);
      const list = added.get(key) ?? [];
      list.push(mention);
      added.set(key, list);
    }
    for (const [key, mentions] of added) {
      const list = byKey.get(key) ?? [];
      let at = 0;
      while (at < list.length && uriKey(list[at]!.uri) < file) at++;
      // a new array, as a rebuild would make: a caller may still hold the one mentionsOf gave it
      byKey.set(key, [...list.slice(0, at), ...mentions, ...list.slice(at)]);
    }
  }

  /**
   * A title cited alone in one file (《…通知》) is the document another file cites with its number
   * (《…通知》（湘政发〔2023〕5号）): its key joins that document's, unless files give the title different
   * numbers (a version and the one replacing it share a title).
   */
  private documentsByTitle(uris: readonly string[]): Map<string, string> {
    const numbered = new Map<string, string | null>();
    for (const uri of uris) {
      for (const mention of this.files.get(uri)!.mentions) {
        const title = mention.doc?.title;
        if (mention.kind !== 'docref' || !title || !mention.doc?.number) continue;
        const titleKey = `doc:《${title}》`;
        if (mention.key === titleKey) continue;
        // the title is cited with its issuer or without (湖南省人民政府关于… / 关于…)
        for (const form of new Set([titleKey, withoutIssuer(titleKey)])) {
          const known = numbered.get(form);
          numbered.set(form, known === undefined || known === mention.key ? mention.key : null);
        }
      }
    }
    const out = new Map<string, string>();
    for (const [titleKey, key] of numbered) if (key) out.set(titleKey, key);
    return out;
  }

  /** Drops what is built from all entries; the facts, counted as entries change, only when they changed. */
  private invalidate(): void {
    this.replacedSinceKeyMap = undefined;
    this.byKey = undefined;
    this.titleKeys = undefined;
    this.bySubject = undefined;
  }
}

/** What a file tells documentsByTitle: the titles it cites with a number, and the numbers' keys, in order. */
function titlePairs(entry: FileEntry | undefined): string {
  let out = '';
  for (const mention of entry?.mentions ?? []) {
    const title = mention.doc?.title;
    if (mention.kind === 'docref' && title && mention.doc?.number && mention.key !== `doc:《${title}》`)
      out += `${title}\u0000${mention.key}\u0001`;
  }
  return out;
}

/** A title key without the issuer before 关于: doc:《湖南省人民政府关于…的通知》 → doc:《关于…的通知》. */
function withoutIssuer(key: string): string {
  const m = /^doc:《[\u4e00-\u9fff、（）()]{2,40}?(关于.+)$/.exec(key);
  return m ? `doc:《${m[1]}` : key;
}

/** Whether the characters of `needle` occur in order in `haystack` (市人社局 in 重庆市人力资源和社会保障局). */
function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (let j = 0; j < haystack.length && i < needle.length; j++) if (haystack[j] === needle[i]) i++;
  return i === needle.length;
}
