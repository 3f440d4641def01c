"""Text to nodes: a lexer with spans, EDTF and English phrases."""
