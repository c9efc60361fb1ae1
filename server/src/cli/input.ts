/**
 * Reading the texts the CLI is given: files and folders (recursively, *.txt), decoded strictly so that a
 * GBK/GB18030 file or a binary file named .txt is reported instead of analysed as garbage.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TextDecoder } from 'node:util';
import { stripBom } from '../analysis/text';

/** A text read from disk, with what is needed to write it back the same way. */
export interface InputText {
  path: string;
  text: string;
  /** Whether the file started with a UTF-8 BOM (kept on write-back). */
  bom: boolean;
  encoding: string;
}

/** A path that could not be read, with a bilingual reason. */
export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${path}: ${en}`);
  }
}

/** Expands the given paths: files as they are, folders to their *.txt files (sorted, recursively, no symlinked folders). */
export function expandPaths(paths: readonly string[], extensions: readonly string[] = ['.txt']): { files: string[]; errors: InputError[] } {
  const files: string[] = [];
  const errors: InputError[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      errors.push(new InputError(dir, `无法读取文件夹：${reason(error)}`, `cannot read folder: ${reason(error)}`));
      return;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext))) files.push(full);
    }
  };
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      errors.push(new InputError(path, `找不到或无法访问：${reason(error)}`, `not found or not accessible: ${reason(error)}`));
      continue;
    }
    if (stat.isDirectory()) walk(resolve(path) === path ? path : path.replace(/\/+$/, ''));
    else files.push(path);
  }
  return { files, errors };
}

/** Default largest text analysed, in UTF-16 units: the language server's policymark.maxDocumentSize default. */
export const DEFAULT_MAX_SIZE = 5_000_000;

/**
 * Reads and decodes one file. `encoding` forces a decoder (gb18030, gbk, utf-16le...). A text longer than
 * `maxSize` UTF-16 units is refused (0: no limit); one that cannot be that short (more than 4 bytes per
 * unit is impossible in any encoding read here) is refused before it is read, so memory stays bounded.
 */
export function readInput(path: string, encoding?: string, maxSize = 0): InputText {
  let bytes: Buffer;
  const tooLarge = (size: string) =>
    new InputError(
      path,
      `文件过大（${size}），超过 --max-size（${maxSize} 个字符），已跳过`,
      `too large (${size}), more than --max-size (${maxSize} characters); skipped`,
    );
  try {
    if (maxSize > 0) {
      const { size } = statSync(path);
      if (size > 4 * maxSize) throw tooLarge(`${size} bytes`);
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(path, `无法读取：${reason(error)}`, `cannot read: ${reason(error)}`);
  }
  const input = decodeInput(path, bytes, encoding);
  if (maxSize > 0 && input.text.length > maxSize) throw tooLarge(`${input.text.length} characters`);
  return input;
}

/** Decodes bytes as the CLI does; exported for tests. */
export function decodeInput(path: string, bytes: Uint8Array, encoding?: string): InputText {
  if (encoding && !/^utf-?8$/i.test(encoding)) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(encoding, { fatal: true });
    } catch {
      throw new InputError(path, `不支持的编码“${encoding}”`, `unsupported encoding "${encoding}"`);
    }
    try {
      return { path, text: stripBom(decoder.decode(bytes)), bom: false, encoding };
    } catch {
      throw new InputError(path, `按 ${encoding} 解码失败`, `cannot be decoded as ${encoding}`);
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { path, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), bom: true, encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { path, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), bom: true, encoding: 'utf-16be' };
  if (looksBinary(bytes)) {
    throw new InputError(path, '看起来是二进制文件，不是文本，已跳过', 'looks like a binary file, not text; skipped');
  }
  let text: string;
  try {
    // ignoreBOM keeps a BOM in the decoded text, so that it is seen and kept on write-back
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const hint = new TextDecoderOrNull('gb18030')?.tryDecode(bytes) ? '；它可能是 GB18030/GBK 编码，请加 --encoding gb18030' : '';
    const hintEn = hint ? '; it may be GB18030/GBK: pass --encoding gb18030' : '';
    throw new InputError(path, `不是有效的 UTF-8 文本${hint}`, `is not valid UTF-8 text${hintEn}`);
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { path, text: bom ? text.slice(1) : text, bom, encoding: 'utf-8' };
}

class TextDecoderOrNull {
  private readonly decoder?: TextDecoder;
  constructor(label: string) {
    try {
      this.decoder = new TextDecoder(label, { fatal: true });
    } catch {
      this.decoder = undefined;
    }
  }
  tryDecode(bytes: Uint8Array): boolean {
    try {
      return this.decoder !== undefined && /[\u4e00-\u9fff]/.test(this.decoder.decode(bytes));
    } catch {
      return false;
    }
  }
}

/**
 * Whether the first 8 KB look like a binary file rather than text (UTF-16 was handled by its BOM). OCR
 * output often carries a stray NUL or form feed, and a short line with three NULs is still text: control
 * bytes mean binary only together with bytes that are not UTF-8 (an image, a PDF, a zip), or when they are
 * a large share of the sample (a file of zeros).
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  if (n === 0 || control === 0) return false;
  if (control / n > 0.3) return true;
  try {
    // stream: a multi-byte character cut by the 8 KB boundary is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
    return false;
  } catch {
    return true;
  }
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}${e.message ? ` (${e.message.replace(/^\w+: /, '')})` : ''}` : String(error);
}
