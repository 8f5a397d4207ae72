-- The rows of the documents listed in $1 (comma-separated ids) of table {table}, copied from the previous snapshot.
insert into main."{table}" ({columns})
select {columns} from previous_snapshot.main."{table}" where document_id in (select unnest(string_split($1, ',')))
