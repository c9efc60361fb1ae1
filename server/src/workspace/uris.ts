/** File URIs and paths. Clients spell one file's URI in more than one way (percent-encoding, drive letter case). */
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A comparison key for a URI: the file system path for file URIs, the URI itself otherwise. */
export function uriKey(uri: string): string {
  const path = pathOf(uri);
  return path === undefined ? uri : process.platform === 'win32' ? path.toLowerCase() : path;
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
