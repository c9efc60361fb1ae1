/**
 * Identity of the things navigation links: an institution by its canonical (full) name, a document by
 * the id the recognizer gives to mentions of one document, else by its number or title. Two mentions with
 * one key are mentions of one thing, across files.
 */
import type { DocRefEntity, Entity, OrgEntity } from '../analysis/types';
import { orderId } from '../analysis/entities/docref';

/** The navigation key of an entity, or undefined for entities that are not navigated (metrics, dates). */
export function entityKey(entity: Entity): string | undefined {
  if (entity.type === 'org') return orgKey(entity);
  if (entity.type === 'docref') return docKey(entity);
  return undefined;
}

/** `org:<canonical name>`. */
export function orgKey(entity: Pick<OrgEntity, 'canonical' | 'text'>): string {
  return `org:${entity.canonical || entity.text}`;
}

/** `doc:<id>`, else `doc:<issuer〔year〕serial号>`, else `doc:《title》`, else the mention's text. */
export function docKey(entity: Pick<DocRefEntity, 'id' | 'issuer' | 'year' | 'serial' | 'title' | 'text'>): string {
  if (entity.id) return `doc:${entity.id}`;
  const number = standardNumberOf(entity);
  if (number) return `doc:${number}`;
  if (entity.title) return `doc:《${entity.title}》`;
  return `doc:${entity.text}`;
}

/** A document number in its standard form: 渝人社〔2021〕452号. */
export function docNumber(issuer: string, year: number, serial: number): string {
  return `${issuer}〔${year}〕${serial}号`;
}

/** The standard number of a document reference, if it has one: 渝人社〔2021〕452号, or an order's 国务院令第723号. */
export function standardNumberOf(entity: Pick<DocRefEntity, 'issuer' | 'year' | 'serial'>): string | undefined {
  if (!entity.issuer || entity.serial === undefined) return undefined;
  if (entity.year === undefined) return orderId(entity.issuer, entity.serial);
  // an announcement's number names its year in words: 国家税务总局公告2022年第3号
  if (entity.issuer.endsWith('公告')) return `${entity.issuer}${entity.year}年第${entity.serial}号`;
  return docNumber(entity.issuer, entity.year, entity.serial);
}

/** Whether a mention names its thing in full (the kind of mention a definition jumps to). */
export function isFullMention(entity: Entity): boolean {
  if (entity.type === 'org') return entity.resolvedBy === 'self' || entity.text === entity.canonical;
  if (entity.type === 'docref') return entity.form === 'title' || standardNumberOf(entity) !== undefined;
  return false;
}
