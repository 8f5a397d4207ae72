-- The run history of the previous snapshot, attached as previous_snapshot.
insert into etl_run by name select * from previous_snapshot.etl_run;
insert into etl_document by name select * from previous_snapshot.etl_document;
