/**
 * Full-document semantic tokens for what a grammar cannot know: institutions (by the recognizer and the
 * workspace's names), figures with units, document references. Standard token types so every theme
 * colours them; modifiers mark a defining full name, an abbreviation and an approximate figure.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Entity } from '../analysis/types';
import type { ServerContext } from '../context';
import { isFullMention } from '../workspace/keys';
import { analysisOf } from './common';

const TOKEN_TYPES = ['class', 'number', 'string'] as const;
const TOKEN_MODIFIERS = ['declaration', 'abbreviation', 'approximate'] as const;

/** The legend announced in the server capabilities. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const TYPE_OF: Partial<Record<Entity['type'], number>> = { org: 0, metric: 1, docref: 2 };

function modifiersOf(entity: Entity): number {
  let bits = 0;
  if (entity.type === 'org') bits |= isFullMention(entity) ? 1 << 0 : 1 << 1;
  if (entity.type === 'metric' && entity.approx) bits |= 1 << 2;
  return bits;
}

/**
 * Encodes entities as LSP semantic tokens (relative line/column, UTF-16 lengths). Tokens never overlap
 * (an entity inside an earlier one is left out) and never span lines (one token per line piece).
 */
export function encodeTokens(document: TextDocument, entities: readonly Entity[]): number[] {
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  let covered = 0;
  const text = document.getText();
  for (const entity of entities) {
    const type = TYPE_OF[entity.type];
    if (type === undefined || entity.start < covered || entity.end <= entity.start || entity.end > text.length) continue;
    covered = entity.end;
    const modifiers = modifiersOf(entity);
    let start = entity.start;
    while (start < entity.end) {
      const position = document.positionAt(start);
      const lineEnd = document.offsetAt({ line: position.line + 1, character: 0 });
      let end = Math.min(entity.end, lineEnd);
      // the token stops before the line break itself
      while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
      if (end > start) {
        const deltaLine = position.line - previousLine;
        data.push(deltaLine, deltaLine === 0 ? position.character - previousCharacter : position.character, end - start, type, modifiers);
        previousLine = position.line;
        previousCharacter = position.character;
      }
      if (lineEnd <= start) break;
      start = lineEnd;
    }
  }
  return data;
}

export function registerSemanticTokens(ctx: ServerContext): void {
  ctx.connection.languages.semanticTokens.on(async (params, token): Promise<SemanticTokens> => {
    const found = await analysisOf(ctx, params.textDocument.uri, token);
    if (!found || found.analyzed.skipped) return { data: [] };
    return { data: encodeTokens(found.document, found.analyzed.result.entities) };
  });
}
