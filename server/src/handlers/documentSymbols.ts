/**
 * The outline: headings (一、 （一） 专栏 1. （1）) as a tree, with the institutions, documents and figures
 * of each section under it.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { withoutLineBreaks } from '../analysis/text';
import type { Entity } from '../analysis/types';
import type { ServerContext } from '../context';
import { toRange } from '../lsp/convert';
import { findSections, type Section } from '../lsp/sections';
import { analysisOf } from './common';

/** An outline of a huge file stays usable: entities beyond this many are left out (headings never are). */
const MAX_ENTITY_SYMBOLS = 5000;

const ENTITY_KIND: Partial<Record<Entity['type'], SymbolKind>> = {
  org: SymbolKind.Class,
  docref: SymbolKind.File,
  metric: SymbolKind.Number,
};

function entitySymbol(document: TextDocument, entity: Entity): DocumentSymbol {
  const range = toRange(document, entity.start, entity.end);
  let detail: string | undefined;
  const name = withoutLineBreaks(entity.text);
  if (entity.type === 'org' && entity.canonical !== name) detail = entity.canonical;
  else if (entity.type === 'metric') detail = [entity.subject, `${entity.value} ${entity.unit}`].filter(Boolean).join(' · ');
  else if (entity.type === 'docref') detail = entity.issuerOrg;
  return { name, detail, kind: ENTITY_KIND[entity.type]!, range, selectionRange: range };
}

/** The outline of a text from its sections and entities. */
export function outline(document: TextDocument, text: string, entities: readonly Entity[]): DocumentSymbol[] {
  const listed = entities.filter((e) => ENTITY_KIND[e.type] !== undefined).slice(0, MAX_ENTITY_SYMBOLS);
  let next = 0;
  // entities are in text order: each level takes those before its next child section, then recurses
  const build = (sections: readonly Section[], end: number): DocumentSymbol[] => {
    const out: DocumentSymbol[] = [];
    const takeUntil = (offset: number) => {
      while (next < listed.length && listed[next]!.start < offset) out.push(entitySymbol(document, listed[next++]!));
    };
    for (const section of sections) {
      takeUntil(section.headingStart);
      const selectionRange = toRange(document, section.headingStart, section.headingEnd);
      const children = build(section.children, section.end);
      out.push({
        name: section.title,
        kind: section.level === 3 ? SymbolKind.Struct : SymbolKind.Namespace,
        range: toRange(document, section.headingStart, Math.max(section.end, section.headingEnd)),
        selectionRange,
        children,
      });
    }
    takeUntil(end);
    return out;
  };
  return build(findSections(text), text.length + 1);
}

export function registerDocumentSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(async (params, token) => {
    const found = await analysisOf(ctx, params.textDocument.uri, token);
    if (!found) return null;
    return outline(found.document, found.analyzed.text, found.analyzed.skipped ? [] : found.analyzed.result.entities);
  });
}
