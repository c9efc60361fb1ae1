/**
 * The `policymark.*` settings, typed once and shared by the client, the server and the CLI.
 * package.json's `contributes.configuration` declares the same keys and defaults (a test keeps them equal).
 */
import { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from './analysis/types';

/** A per-code setting: a severity, 'off', or 'default' for the detector's own severity. */
export type CodeSetting = Severity | 'off' | 'default';

/** Everything the user can set. */
export interface PolicyMarkSettings {
  /** Globs of plaintext files that are analysed without switching their language. */
  include: string[];
  /** Language of messages: 'auto' follows the editor. */
  language: 'auto' | 'zh' | 'en';
  /** Per-code severity: policymark.diagnostics.<code>. */
  diagnostics: Record<DiagnosticCode, CodeSetting>;
  /** Documents longer than this many characters are not analysed (one information diagnostic says so). */
  maxDocumentSize: number;
  /** Extra segmenter dictionaries (jieba format), absolute or workspace-relative. */
  userDictionaries: string[];
  /** Alias files (JSON: { "alias": "full name" }), absolute or workspace-relative. */
  aliasFiles: string[];
  /** Words that are correct as written (never flagged). */
  words: string[];
  /** Sidecar file name suffix: article.txt → article.txt.policymark.json. */
  sidecarSuffix: string;
  /** Custom annotation labels offered by the tag command besides metric, org and docref. */
  labels: string[];
  /** Decoration colour per label (CSS colour). */
  labelColors: Record<string, string>;
  /** Whether to load the word segmenter (nodejieba). */
  segmenter: boolean;
}

/** Defaults: every code at its detector's severity. */
export const DEFAULT_SETTINGS: PolicyMarkSettings = {
  include: ['**/*.txt'],
  language: 'auto',
  diagnostics: Object.fromEntries(DIAGNOSTIC_CODES.map((code) => [code, 'default'])) as Record<DiagnosticCode, CodeSetting>,
  maxDocumentSize: 5_000_000,
  userDictionaries: [],
  aliasFiles: [],
  words: [],
  sidecarSuffix: '.policymark.json',
  labels: [],
  labelColors: { metric: '#2f81f7', org: '#a371f7', docref: '#3fb950' },
  segmenter: true,
};

/** Severity overrides for the core from the per-code settings. */
export function severitiesFrom(settings: Pick<PolicyMarkSettings, 'diagnostics'>): Partial<Record<DiagnosticCode, Severity | 'off'>> {
  const out: Partial<Record<DiagnosticCode, Severity | 'off'>> = {};
  for (const code of DIAGNOSTIC_CODES) {
    const value = settings.diagnostics?.[code];
    if (value && value !== 'default') out[code] = value;
  }
  return out;
}

/**
 * Merges a partial, untrusted settings object (from the client or a config file) over the defaults,
 * dropping values of the wrong type instead of failing.
 */
export function normalizeSettings(raw: unknown): PolicyMarkSettings {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const strings = (v: unknown, d: string[]) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : d);
  const diagnostics = { ...DEFAULT_SETTINGS.diagnostics };
  const rawDiagnostics = input.diagnostics && typeof input.diagnostics === 'object' ? (input.diagnostics as Record<string, unknown>) : {};
  for (const code of DIAGNOSTIC_CODES) {
    const v = rawDiagnostics[code];
    if (typeof v === 'string' && ['error', 'warning', 'information', 'hint', 'off', 'default'].includes(v))
      diagnostics[code] = v as CodeSetting;
  }
  const colors = input.labelColors && typeof input.labelColors === 'object' ? (input.labelColors as Record<string, unknown>) : {};
  return {
    include: strings(input.include, DEFAULT_SETTINGS.include),
    language: input.language === 'zh' || input.language === 'en' ? input.language : 'auto',
    diagnostics,
    maxDocumentSize:
      typeof input.maxDocumentSize === 'number' && input.maxDocumentSize > 0 ? input.maxDocumentSize : DEFAULT_SETTINGS.maxDocumentSize,
    userDictionaries: strings(input.userDictionaries, []),
    aliasFiles: strings(input.aliasFiles, []),
    words: strings(input.words, []),
    sidecarSuffix:
      typeof input.sidecarSuffix === 'string' && /^\.[\w.-]+$/.test(input.sidecarSuffix)
        ? input.sidecarSuffix
        : DEFAULT_SETTINGS.sidecarSuffix,
    labels: strings(input.labels, []),
    labelColors: {
      ...DEFAULT_SETTINGS.labelColors,
      ...Object.fromEntries(Object.entries(colors).filter(([, v]) => typeof v === 'string')),
    } as Record<string, string>,
    segmenter: typeof input.segmenter === 'boolean' ? input.segmenter : true,
  };
}
