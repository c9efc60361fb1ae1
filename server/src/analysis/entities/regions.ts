/**
 * Provinces and their abbreviated bodies (server/data/regions.json), shared by the document-number
 * issuer table (渝人社 → 重庆市人力资源和社会保障局) and the organisation alias rules
 * (市人社局 in a text about 重庆 → 重庆市人力资源和社会保障局).
 */
import regionsData from '../../../data/regions.json';

/** A provincial-level division. */
export interface Region {
  /** One-character abbreviation used in document numbers: 渝, 川. */
  abbr: string;
  /** Name without its suffix: 重庆, 四川. */
  short: string;
  /** Full name: 重庆市, 四川省. */
  name: string;
  /** Municipalities (京津沪渝) name their departments 局/委员会 where provinces use 厅. */
  municipality?: boolean;
}

export const REGIONS: readonly Region[] = regionsData.regions;
const BY_ABBR = new Map(REGIONS.map((r) => [r.abbr, r] as const));
const BODIES = regionsData.bodies as unknown as Record<string, [string, string]>;

/** The region of a one-character abbreviation (渝 → 重庆市). */
export function regionByAbbr(abbr: string): Region | undefined {
  return BY_ABBR.get(abbr);
}

/** The region a full or short place name denotes (重庆, 重庆市 → 重庆市). */
export function regionByName(place: string): Region | undefined {
  return REGIONS.find((r) => place === r.name || place === r.short);
}

/**
 * The full name of an abbreviated body (人社, 人社局, 教委, 经信委) under a place: province-level for a
 * province, municipal naming for a municipality, city or district. Undefined for unknown bodies.
 */
export function expandBody(body: string, municipalStyle: boolean): string | undefined {
  const names = BODIES[body];
  return names ? names[municipalStyle ? 1 : 0] : undefined;
}

/** Whether `body` is an abbreviated body the table knows. */
export function isKnownBody(body: string): boolean {
  return body in BODIES;
}
