/** File URIs and paths. Clients spell one file's URI in more than one way (percent-encoding, drive letter case). */
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Keys already computed: handlers compare the URIs of every mention of a name, often thousands per request. */
const keys = new Map<string, string>();
/** Enough for the files of a large workspace; emptied when full rather than tracked by use. */
const MAX_KEYS = 20_000;

/** A comparison key for a URI: the file system path for file URIs, the URI itself otherwise. */
export function uriKey(uri: string): string {
  let key = keys.get(uri);
  if (key === undefined) {
    const path = pathOf(uri);
    key = path === undefined ? uri : process.platform === 'win32' ? path.toLowerCase() : path;
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(uri, key);
  }
  return key;
}

/** The file system path of a file URI, or undefined for other schemes and malformed URIs. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The file URI of a path. */
export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}
