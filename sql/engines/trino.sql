-- Trino (Hive connector, catalog "hive"): external tables over a BudgetWarehouse Parquet lake
-- (WAREHOUSE/parquet/) on S3, HDFS or a local file system the workers share.
--
-- Replace ${lake} with the lake's location first (the Trino CLI does no substitution), e.g.
--   sed 's#${lake}#s3://bucket/budget/parquet#g' sql/engines/trino.sql > /tmp/bw.sql && trino -f /tmp/bw.sql
--
-- Layout the loader writes: one folder per table; fact_* tables, dim_policy and bridge_initiative_lineage
-- are hive-partitioned by their fiscal_year column (fact_x/fiscal_year=2020/group_0.parquet, up to 4 files a year), everything
-- else is one folder of Parquet files.
--
-- Partition column also inside the files: the loader writes fiscal_year into every data file too (so
-- readers without partition discovery, such as Power BI's folder connector, still see it). The Hive
-- connector takes partition values from the metastore (the directory names) and reads only the
-- non-partition columns from the files, by name (hive.parquet.use-column-names, the default), so the
-- in-file copy is ignored and declaring fiscal_year once, as the partition column, is correct; both
-- values are the same by construction. Trino requires partition columns last, hence fiscal_year at the
-- end. sync_partition_metadata registers the partitions found on disk; call it again after each load
-- publishes (FULL also drops partitions whose folder is gone). A fact table with no rows is written as
-- one file at the table root and no partition folder: the table then reads as empty.
--
-- Types follow the warehouse contract: varchar for text and codes, integer for years, counts and line
-- numbers, bigint for yen, double for ratios, date for dates, timestamp(3) for load times (the files
-- hold microseconds; the Hive connector reads at hive.timestamp-precision, milliseconds by default).

CREATE SCHEMA IF NOT EXISTS hive.budget_warehouse;

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.dim_department (
    department_id varchar,
    name          varchar,
    bureau        varchar,
    kind          varchar,
    municipality  varchar,
    valid_from_fy integer,
    valid_to_fy   integer,
    is_current    boolean,
    source        varchar,
    parent        varchar,
    evidence      varchar
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/dim_department'
);

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.dim_document (
    document_id            varchar,
    file_name              varchar,
    title                  varchar,
    family                 varchar,
    family_source          varchar,
    municipality           varchar,
    fiscal_year            integer,
    fiscal_year_source     varchar,
    fiscal_year_evidence   varchar,
    sha256                 varchar,
    encoding               varchar,
    line_count             integer,
    byte_count             bigint,
    plan_name              varchar,
    plan_start_fiscal_year integer,
    plan_end_fiscal_year   integer,
    plan_principle         varchar,
    loaded_at              timestamp(3),
    coverage               double
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/dim_document'
);

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.dim_fiscal_year (
    fiscal_year integer,
    era_name    varchar,
    era_year    integer,
    label       varchar,
    start_date  date,
    end_date    date
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/dim_fiscal_year'
);

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.dim_function (
    function_id varchar,
    code        integer,
    name        varchar,
    description varchar,
    source      varchar
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/dim_function'
);

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.dim_policy (
    policy_id        varchar,
    document_id      varchar,
    level            integer,
    code             varchar,
    marker           varchar,
    title            varchar,
    description      varchar,
    parent_policy_id varchar,
    pillar_title     varchar,
    section_title    varchar,
    subsection_title varchar,
    path             varchar,
    theme            varchar,
    theme_evidence   varchar,
    source_page      integer,
    source_line      integer,
    fiscal_year      integer
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/dim_policy',
    partitioned_by = ARRAY['fiscal_year']
);
CALL hive.system.sync_partition_metadata('budget_warehouse', 'dim_policy', 'FULL');

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.fact_initiative (
    initiative_id          varchar,
    document_id            varchar,
    policy_id              varchar,
    department_id          varchar,
    department_method      varchar,
    department_evidence    varchar,
    kind                   varchar,
    parent_initiative_id   varchar,
    seq                    integer,
    text                   varchar,
    raw_text               varchar,
    action                 varchar,
    is_new_program         boolean,
    is_relisted            boolean,
    is_final_supplementary boolean,
    is_numeric_target      boolean,
    plan_ref               varchar,
    description            varchar,
    source_page            integer,
    source_line_start      integer,
    source_line_end        integer,
    function_id            varchar,
    function_method        varchar,
    function_evidence      varchar,
    tags                   varchar,
    fiscal_year            integer
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/fact_initiative',
    partitioned_by = ARRAY['fiscal_year']
);
CALL hive.system.sync_partition_metadata('budget_warehouse', 'fact_initiative', 'FULL');

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.fact_measure (
    measure_id        varchar,
    initiative_id     varchar,
    document_id       varchar,
    policy_id         varchar,
    department_id     varchar,
    label             varchar,
    value             double,
    unit              varchar,
    counter           varchar,
    amount_yen        bigint,
    role              varchar,
    parent_measure_id varchar,
    bound             varchar,
    note              varchar,
    is_approximate    boolean,
    raw_text          varchar,
    source_page       integer,
    source_line       integer,
    function_id       varchar,
    function_method   varchar,
    function_evidence varchar,
    parse_error       varchar,
    fiscal_year       integer
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/fact_measure',
    partitioned_by = ARRAY['fiscal_year']
);
CALL hive.system.sync_partition_metadata('budget_warehouse', 'fact_measure', 'FULL');

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.fact_milestone (
    milestone_id       varchar,
    initiative_id      varchar,
    document_id        varchar,
    policy_id          varchar,
    department_id      varchar,
    event              varchar,
    start_date         date,
    end_date           date,
    precision          varchar,
    is_planned         boolean,
    target_fiscal_year integer,
    raw_text           varchar,
    source_page        integer,
    source_line        integer,
    fiscal_year        integer
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/fact_milestone',
    partitioned_by = ARRAY['fiscal_year']
);
CALL hive.system.sync_partition_metadata('budget_warehouse', 'fact_milestone', 'FULL');

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.fact_plan_achievement (
    achievement_id   varchar,
    document_id      varchar,
    policy_id        varchar,
    row_kind         varchar,
    label            varchar,
    items_planned    integer,
    items_achieved   integer,
    items_pending    integer,
    achievement_rate double,
    stated_rate      double,
    stated_rate_text varchar,
    is_consistent    boolean,
    raw_text         varchar,
    source_page      integer,
    source_line      integer,
    source_line_end  integer,
    fiscal_year      integer
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/fact_plan_achievement',
    partitioned_by = ARRAY['fiscal_year']
);
CALL hive.system.sync_partition_metadata('budget_warehouse', 'fact_plan_achievement', 'FULL');

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.fact_plan_status (
    status_id              varchar,
    achievement_id         varchar,
    document_id            varchar,
    policy_id              varchar,
    row_kind               varchar,
    status_raw             varchar,
    status_scale           varchar,
    status_rank            integer,
    item_count             integer,
    source_page            integer,
    source_line            integer,
    status_class           varchar,
    scale_rank             integer,
    is_scheme_word         boolean,
    parent_status_raw      varchar,
    is_breakdown           boolean,
    status_change          integer,
    items_total            integer,
    stated_rate            double,
    stated_rate_text       varchar,
    recomputed_rate        double,
    is_consistent          boolean,
    plan_name              varchar,
    plan_start_fiscal_year integer,
    plan_end_fiscal_year   integer,
    as_of_date             date,
    fiscal_year            integer
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/fact_plan_status',
    partitioned_by = ARRAY['fiscal_year']
);
CALL hive.system.sync_partition_metadata('budget_warehouse', 'fact_plan_status', 'FULL');

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.fact_plan_transition (
    transition_id  varchar,
    achievement_id varchar,
    document_id    varchar,
    policy_id      varchar,
    row_kind       varchar,
    from_raw       varchar,
    from_meaning   varchar,
    from_class     varchar,
    from_rank      integer,
    to_raw         varchar,
    to_meaning     varchar,
    to_class       varchar,
    to_rank        integer,
    item_count     integer,
    item_refs      varchar,
    item_numbers   varchar,
    raw_text       varchar,
    source_page    integer,
    source_line    integer,
    fiscal_year    integer
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/fact_plan_transition',
    partitioned_by = ARRAY['fiscal_year']
);
CALL hive.system.sync_partition_metadata('budget_warehouse', 'fact_plan_transition', 'FULL');

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.fact_source_line (
    document_id   varchar,
    source_page   integer,
    source_line   integer,
    text          varchar,
    role          varchar,
    policy_id     varchar,
    initiative_id varchar,
    fiscal_year   integer
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/fact_source_line',
    partitioned_by = ARRAY['fiscal_year']
);
CALL hive.system.sync_partition_metadata('budget_warehouse', 'fact_source_line', 'FULL');

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.bridge_initiative_lineage (
    initiative_id       varchar,
    lineage_id          varchar,
    municipality        varchar,
    family              varchar,
    prior_initiative_id varchar,
    prior_fiscal_year   integer,
    similarity          double,
    link_rule           varchar,
    core_text           varchar,
    fiscal_year         integer
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/bridge_initiative_lineage',
    partitioned_by = ARRAY['fiscal_year']
);
CALL hive.system.sync_partition_metadata('budget_warehouse', 'bridge_initiative_lineage', 'FULL');

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.agg_dashboard_item (
    initiative_id         varchar,
    document_id           varchar,
    municipality          varchar,
    family                varchar,
    file_name             varchar,
    policy_id             varchar,
    theme                 varchar,
    pillar_title          varchar,
    section_title         varchar,
    department_id         varchar,
    department            varchar,
    bureau                varchar,
    valid_from_fy         integer,
    valid_to_fy           integer,
    department_is_current boolean,
    function_id           varchar,
    function_name         varchar,
    text                  varchar,
    action                varchar,
    is_new_program        boolean,
    is_relisted           boolean,
    money_yen             bigint,
    money_amounts         bigint,
    source_page           integer,
    source_line_start     integer,
    source_line_end       integer,
    source                varchar,
    fiscal_year           integer
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/agg_dashboard_item',
    partitioned_by = ARRAY['fiscal_year']
);
CALL hive.system.sync_partition_metadata('budget_warehouse', 'agg_dashboard_item', 'FULL');

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.agg_dashboard_yoy (
    municipality         varchar,
    family               varchar,
    prior_fiscal_year    integer,
    lineage_id           varchar,
    status               varchar,
    initiative_id        varchar,
    prior_initiative_id  varchar,
    source_initiative_id varchar,
    theme                varchar,
    department           varchar,
    function_name        varchar,
    text                 varchar,
    prior_text           varchar,
    similarity           double,
    link_rule            varchar,
    source               varchar,
    source_file          varchar,
    source_line          integer,
    fiscal_year          integer
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/agg_dashboard_yoy',
    partitioned_by = ARRAY['fiscal_year']
);
CALL hive.system.sync_partition_metadata('budget_warehouse', 'agg_dashboard_yoy', 'FULL');

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.agg_theme_year (
    municipality            varchar,
    family                  varchar,
    theme                   varchar,
    fiscal_year             integer,
    prior_fiscal_year       integer,
    initiatives             bigint,
    initiatives_prior       bigint,
    initiatives_delta       bigint,
    initiatives_pct_change  double,
    new_programs            bigint,
    new_programs_prior      bigint,
    new_programs_delta      bigint,
    new_programs_pct_change double,
    relisted                bigint,
    relisted_prior          bigint,
    relisted_delta          bigint,
    relisted_pct_change     double,
    amount_yen              bigint,
    amount_yen_prior        bigint,
    amount_yen_delta        bigint,
    amount_yen_pct_change   double
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/agg_theme_year'
);

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.agg_theme_year_series (
    municipality          varchar,
    family                varchar,
    document_count        integer,
    documents_fingerprint varchar
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/agg_theme_year_series'
);

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.etl_document (
    run_id      varchar,
    file_name   varchar,
    document_id varchar,
    sha256      varchar,
    status      varchar,
    family      varchar,
    error       varchar,
    error_line  integer,
    warnings    varchar,
    row_count   bigint
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/etl_document'
);

CREATE TABLE IF NOT EXISTS hive.budget_warehouse.etl_run (
    run_id              varchar,
    started_at          timestamp(3),
    finished_at         timestamp(3),
    seeds_path          varchar,
    snapshot_id         varchar,
    documents_seen      integer,
    documents_loaded    integer,
    documents_unchanged integer,
    documents_rejected  integer,
    documents_removed   integer,
    status              varchar,
    message             varchar
)
WITH (
    format = 'PARQUET',
    external_location = '${lake}/etl_run'
);
