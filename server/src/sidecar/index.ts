/** The annotation sidecar: model, format, edits, re-anchoring, merge and store (pure; I/O passed in). */
export * from './types';
export * from './model';
export * from './format';
export * from './edits';
export * from './reanchor';
export * from './merge';
export * from './store';
export * from './exchange';
