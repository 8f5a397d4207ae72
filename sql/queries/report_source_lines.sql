-- Question: what are the exact printed lines, with their line numbers, behind each item and its detail
-- lines? (The source text `bw report` embeds under each table row, as `explain` prints it.)
-- Grain: one row per physical line of an item or of one of its detail lines, keyed by the item.
with initiative_lines as (
    select
        coalesce(parent_initiative_id, initiative_id) as item_id,
        document_id,
        source_line_start,
        string_split(raw_text, chr(10)) as lines
    from fact_initiative
),

final as (
    select
        item_id as initiative_id,
        document_id,
        source_line_start + generate_subscripts(lines, 1) - 1 as line_no,
        unnest(lines) as line_text
    from initiative_lines
)

select * from final
order by initiative_id, line_no;
