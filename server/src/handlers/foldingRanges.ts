/** Folding by section: each heading folds its section (to the last non-blank line before the next heading at its level or above). */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { findSections, type Section } from '../lsp/sections';

/** Folding ranges of a text's sections, outer sections first. */
export function foldingRanges(text: string): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (sections: readonly Section[]) => {
    for (const section of sections) {
      if (section.endLine > section.startLine)
        out.push({ startLine: section.startLine, endLine: section.endLine, kind: FoldingRangeKind.Region });
      visit(section.children);
    }
  };
  visit(findSections(text));
  return out;
}

export function registerFoldingRanges(ctx: ServerContext): void {
  ctx.connection.onFoldingRanges((params, token): FoldingRange[] | null => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return null;
    return foldingRanges(document.getText());
  });
}
