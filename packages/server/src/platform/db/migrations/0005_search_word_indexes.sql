-- Name search matches the start of a word: (' ' || name_folded) LIKE '% word%'. The trigram
-- indexes of 0003 were on the bare columns, which that expression cannot use, so every search read
-- the whole table (benchmark at 1 million children: p95 4.9 s). Index the expressions themselves.

DROP INDEX IF EXISTS child_name_search;
DROP INDEX IF EXISTS child_people_search;
CREATE INDEX child_name_words ON child USING gin ((' ' || name_folded) gin_trgm_ops);
CREATE INDEX child_people_words ON child USING gin ((' ' || people_folded) gin_trgm_ops);
