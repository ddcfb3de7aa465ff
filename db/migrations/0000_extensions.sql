-- Trigram matching for misspelled Arabic and Latin names (used by the staff search).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
