-- agg_theme_year: the rows of v_theme_year, stored so that reading the view does not aggregate the facts.
-- Kept up to date by sql/load/900_agg_theme_year.sql after every load, series by series (a municipality's documents
-- of one family): only the series whose documents changed are recomputed, as agg_theme_year_series records.
create table agg_theme_year (
    municipality            varchar,
    family                  varchar not null,
    theme                   varchar not null,
    fiscal_year             integer not null,
    prior_fiscal_year       integer,
    initiatives             bigint  not null,
    initiatives_prior       bigint,
    initiatives_delta       bigint,
    initiatives_pct_change  double,
    new_programs            bigint  not null,
    new_programs_prior      bigint,
    new_programs_delta      bigint,
    new_programs_pct_change double,
    relisted                bigint  not null,
    relisted_prior          bigint,
    relisted_delta          bigint,
    relisted_pct_change     double,
    amount_yen              bigint  not null,
    amount_yen_prior        bigint,
    amount_yen_delta        bigint,
    amount_yen_pct_change   double
);
comment on table agg_theme_year is 'One row per municipality, family, theme and loaded fiscal year (the rows of v_theme_year): initiatives, new programmes, relisted items and money, with the prior loaded year, delta and % change.';
comment on column agg_theme_year.municipality is 'Municipality of the documents (dim_document).';
comment on column agg_theme_year.family is 'Document family: budget_priorities or plan_progress.';
comment on column agg_theme_year.theme is 'Conformed theme of the policy nodes; (未分類) when none was assigned.';
comment on column agg_theme_year.fiscal_year is 'A fiscal year that a document, an initiative or an amount of the series refers to (dim_fiscal_year).';
comment on column agg_theme_year.prior_fiscal_year is 'The previous fiscal year loaded for the same municipality and family; null in the first year.';
comment on column agg_theme_year.initiatives is 'Bulleted initiatives, relisted ones (再掲) left out.';
comment on column agg_theme_year.initiatives_prior is 'initiatives in prior_fiscal_year; null in the first year.';
comment on column agg_theme_year.initiatives_delta is 'initiatives minus initiatives_prior.';
comment on column agg_theme_year.initiatives_pct_change is 'Change from the prior year in percent, one decimal; null when the prior value is 0 or absent.';
comment on column agg_theme_year.new_programs is 'Initiatives that create a programme (創設/新設), relisted ones left out.';
comment on column agg_theme_year.new_programs_prior is 'new_programs in prior_fiscal_year; null in the first year.';
comment on column agg_theme_year.new_programs_delta is 'new_programs minus new_programs_prior.';
comment on column agg_theme_year.new_programs_pct_change is 'Change from the prior year in percent, one decimal; null when the prior value is 0 or absent.';
comment on column agg_theme_year.relisted is 'Relisted initiatives (再掲).';
comment on column agg_theme_year.relisted_prior is 'relisted in prior_fiscal_year; null in the first year.';
comment on column agg_theme_year.relisted_delta is 'relisted minus relisted_prior.';
comment on column agg_theme_year.relisted_pct_change is 'Change from the prior year in percent, one decimal; null when the prior value is 0 or absent.';
comment on column agg_theme_year.amount_yen is 'Money stated under the theme (fact_measure, unit JPY, role value: components (うち…) are parts of it, relisted items left out), in yen.';
comment on column agg_theme_year.amount_yen_prior is 'amount_yen in prior_fiscal_year; null in the first year.';
comment on column agg_theme_year.amount_yen_delta is 'amount_yen minus amount_yen_prior.';
comment on column agg_theme_year.amount_yen_pct_change is 'Change from the prior year in percent, one decimal; null when the prior value is 0 or absent.';

create table agg_theme_year_series (
    municipality          varchar,
    family                varchar not null,
    document_count        integer not null,
    documents_fingerprint varchar not null
);
comment on table agg_theme_year_series is 'One row per series (a municipality''s documents of one family) in agg_theme_year: the documents its rows were computed from, so that a load recomputes only the series whose documents changed.';
comment on column agg_theme_year_series.municipality is 'Municipality of the documents (dim_document); null and empty are one series.';
comment on column agg_theme_year_series.family is 'Document family: budget_priorities or plan_progress.';
comment on column agg_theme_year_series.document_count is 'Documents of the series.';
comment on column agg_theme_year_series.documents_fingerprint is 'MD5 of the series'' documents (id, file name, fiscal year and title of each, in id order): what their rows depend on besides the loader and the reference data.';
