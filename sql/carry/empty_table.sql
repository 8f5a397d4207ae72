delete from main."{table}"
