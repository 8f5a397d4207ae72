-- The previous snapshot's database, read-only, as the catalog the other carry scripts read from. {path}: the
-- warehouse's own file (quotes doubled), never document text.
attach '{path}' as previous_snapshot (read_only)
