ALTER INDEX search_documents_terms RESET (fastupdate);
