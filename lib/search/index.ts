// Full-text search: the interface, the implementation in use, and what the write path calls.
export { searchIndex } from "./implementation.ts";
export type { SearchEntryInput, SearchIndex, SearchKind, SearchQuery, SearchRow } from "./search-index.ts";
export { SEARCH_KINDS } from "./search-index.ts";
export {
  SEARCH_INDEX_VERSION, ensureSearchIndex, indexAction, indexComment, indexDocument, indexDocumentText, indexThread, rebuildSearchIndex,
  removeFromIndex, removeThreadFromIndex,
} from "./indexer.ts";
export { queryTokens, toMatchExpression } from "./match-expression.ts";
