drop view if exists main."{view}"
