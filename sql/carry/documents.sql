-- Every document whose rows the database holds: its rows start with its row in dim_document.
select document_id from dim_document
