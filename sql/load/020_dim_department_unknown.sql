-- The 'unknown' member, so that no fact has a null department key.
insert into dim_department (department_id, name, bureau, kind, municipality, valid_from_fy, valid_to_fy, is_current, source)
select 'unknown', '(不明)', null, 'unknown', null, null, null, true, 'system'
where not exists (select 1 from dim_department where department_id = 'unknown');
