-- The rows of the documents listed in $1 (comma-separated ids) of table {table}.
delete from main."{table}" where document_id in (select unnest(string_split($1, ',')))
