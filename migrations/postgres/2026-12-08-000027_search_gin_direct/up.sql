-- Every search document carries a few tokens that most others carry too (`_vsecretariat`,
-- `_b1` …). Through GIN's pending list those made a rebuild of 30 000 documents take 115 s;
-- written straight into the index, 42 s (docs/performance.md).
ALTER INDEX search_documents_terms SET (fastupdate = off);
