-- bridge_initiative_lineage: which initiatives of different fiscal years are the same undertaking.
-- Kept up to date by the loader after every load (loader/Load/LineageLoad.cs, rules in loader/Transform/Lineage/):
-- the series (municipality and family) whose documents changed are recomputed.
create table bridge_initiative_lineage (
    initiative_id       varchar not null, -- unique; checked by bw validate (sql/tests/keys_*.sql), not by an index: see docs/performance.md
    lineage_id          varchar not null,
    municipality        varchar,
    family              varchar not null,
    fiscal_year         integer not null,
    prior_initiative_id varchar,
    prior_fiscal_year   integer,
    similarity          double,
    link_rule           varchar not null,
    core_text           varchar not null
);
comment on table bridge_initiative_lineage is 'One row per bulleted initiative that is not a relisting (再掲): the cross-year lineage (same undertaking) it belongs to.';
comment on column bridge_initiative_lineage.initiative_id is 'Initiative (fact_initiative, kind = item, not relisted).';
comment on column bridge_initiative_lineage.lineage_id is 'The undertaking across fiscal years: L- followed by the initiative id of its earliest year.';
comment on column bridge_initiative_lineage.municipality is 'Municipality of the document (lineages never cross municipalities).';
comment on column bridge_initiative_lineage.family is 'Document family (lineages never cross families).';
comment on column bridge_initiative_lineage.fiscal_year is 'Fiscal year of the initiative''s document: the year of the series in which it is compared (dim_fiscal_year).';
comment on column bridge_initiative_lineage.prior_initiative_id is 'The same undertaking in the previous loaded fiscal year of the series; null when it starts here.';
comment on column bridge_initiative_lineage.prior_fiscal_year is 'Fiscal year of prior_initiative_id.';
comment on column bridge_initiative_lineage.similarity is 'Dice coefficient of the character bigrams of the two core texts (0 to 1); null when it starts here.';
comment on column bridge_initiative_lineage.link_rule is 'first (no predecessor), dice (similarity at or above 0.6) or containment (one core text contains the other, at least 5 characters).';
comment on column bridge_initiative_lineage.core_text is 'The text compared: annotations in brackets, punctuation and the closing verb phrase (の整備を推進, に着手 …) removed.';
