-- v_department_coverage: per document, how the initiatives got their department.
create or replace view v_department_coverage as
with

documents as (
    select document_id, file_name, fiscal_year, municipality from dim_document
),

initiatives as (
    select document_id, department_id, department_method from fact_initiative
),

final as (
    select
        d.document_id,
        d.file_name,
        d.fiscal_year,
        d.municipality,
        cast(count(i.document_id) as bigint) as initiatives,
        cast(count(*) filter (where i.department_method = 'explicit') as bigint) as explicit_count,
        cast(count(*) filter (where i.department_method = 'rule') as bigint) as rule_count,
        cast(count(*) filter (where i.department_id = 'unknown') as bigint) as unknown_count,
        round(100.0 * count(*) filter (where i.department_id <> 'unknown') / nullif(count(i.document_id), 0), 1) as assigned_pct
    from documents as d
    left join initiatives as i on i.document_id = d.document_id
    group by all
)

select * from final
order by file_name;

-- v_department_coverage_by_municipality: per municipality, how its initiatives got a responsible unit: explicitly
-- (named on the page or in a reorganisation), by a rule, by their budget function only (no unit, but a 款), or not at all.
create or replace view v_department_coverage_by_municipality as
with

documents as (
    select document_id, coalesce(municipality, '(municipality unknown)') as municipality from dim_document
),

initiatives as (
    select document_id, department_id, department_method, function_id from fact_initiative
),

final as (
    select
        d.municipality,
        cast(count(distinct d.document_id) as bigint) as documents,
        cast(count(i.document_id) as bigint) as initiatives,
        cast(count(*) filter (where i.department_method = 'explicit') as bigint) as explicit_count,
        cast(count(*) filter (where i.department_method = 'rule') as bigint) as rule_count,
        cast(count(*) filter (where i.department_id = 'unknown' and i.function_id <> 'unknown') as bigint) as function_only_count,
        cast(count(*) filter (where i.department_id = 'unknown' and i.function_id = 'unknown') as bigint) as none_count,
        round(100.0 * count(*) filter (where i.department_id <> 'unknown' or i.function_id <> 'unknown') / nullif(count(i.document_id), 0), 1) as assigned_pct
    from documents as d
    left join initiatives as i on i.document_id = d.document_id
    group by all
)

select * from final
order by municipality;

-- v_department_unknown: the initiatives left on the 'unknown' member, with the reason and the policy path,
-- so an analyst can extend seeds/reference/department_rules.csv.
create or replace view v_department_unknown as
with

initiatives as (
    select document_id, policy_id, seq, kind, source_line_start, text, department_evidence
    from fact_initiative
    where department_id = 'unknown'
),

final as (
    select
        d.file_name,
        i.seq,
        i.kind,
        i.source_line_start as source_line,
        i.text,
        i.department_evidence as reason,
        p.path as policy_path
    from initiatives as i
    inner join dim_document as d on d.document_id = i.document_id
    left join dim_policy as p on p.policy_id = i.policy_id
)

select * from final
order by file_name, seq;

-- v_department_history: dim_department rows that a document created, ended or confirmed (the
-- reorganisations the documents state), with the sentence as evidence.
create or replace view v_department_history as
with

departments as (
    select name, kind, parent, bureau, valid_from_fy, valid_to_fy, source, evidence
    from dim_department
    where source = 'document' or evidence like '%.txt:%'
),

final as (
    select * from departments
)

select * from final
order by name, valid_from_fy nulls first;

-- v_theme_coverage: policy nodes per conformed theme, by their own title or inherited from a parent.
create or replace view v_theme_coverage as
with

policies as (
    select theme, theme_evidence from dim_policy
),

final as (
    select
        theme,
        cast(count(*) as bigint) as policy_nodes,
        cast(count(*) filter (where theme_evidence like 'rule %') as bigint) as by_own_title,
        cast(count(*) filter (where theme_evidence like 'title silent%') as bigint) as inherited
    from policies
    group by theme
)

select * from final
order by policy_nodes desc, theme;
