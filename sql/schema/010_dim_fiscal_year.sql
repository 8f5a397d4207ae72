-- dim_fiscal_year: the fiscal-year dimension (April–March), filled after each load from every year a
-- document or fact refers to (see sql/load/010_dim_fiscal_year.sql).
create table dim_fiscal_year (
    fiscal_year integer not null primary key,
    era_name    varchar not null,
    era_year    integer not null,
    label       varchar not null,
    start_date  date    not null,
    end_date    date    not null
);
comment on table dim_fiscal_year is 'One row per fiscal year (April to March) that any document or fact refers to.';
comment on column dim_fiscal_year.fiscal_year is 'Gregorian year in which the fiscal year starts (令和2年度 = 2020).';
comment on column dim_fiscal_year.era_name is 'Japanese era of the fiscal year''s start (令和, 平成, 昭和).';
comment on column dim_fiscal_year.era_year is 'Year within the era (令和2年度 = 2; 元年 = 1).';
comment on column dim_fiscal_year.label is 'The fiscal year as Japanese documents write it, e.g. 令和2年度, 令和元年度.';
comment on column dim_fiscal_year.start_date is 'First day of the fiscal year (1 April).';
comment on column dim_fiscal_year.end_date is 'Last day of the fiscal year (31 March of the next year).';
