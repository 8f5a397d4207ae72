-- Spark SQL (3.4 or later): external tables over a BudgetWarehouse Parquet lake (WAREHOUSE/parquet/).
--
-- Run with the lake's location, e.g.
--   spark-sql --hivevar lake=s3a://bucket/budget/parquet -f sql/engines/spark.sql
-- (${lake} is substituted by spark-sql; elsewhere replace it with the path first).
--
-- Layout the loader writes: one folder per table; fact_* tables, dim_policy and bridge_initiative_lineage
-- are hive-partitioned by their fiscal_year column (fact_x/fiscal_year=2020/group_0.parquet, up to 4 files a year), everything
-- else is one folder of Parquet files.
--
-- Partition column also inside the files: the loader writes fiscal_year into every data file too (so
-- readers without partition discovery, such as Power BI's folder connector, still see it). Spark takes
-- the value of a partition column from the directory name and does not read a data-file column of the
-- same name (it is excluded from the file read schema), so declaring fiscal_year once, as the partition
-- column, is correct; both values are the same by construction. Spark puts partition columns last in
-- the table schema, so fiscal_year is declared last here. MSCK REPAIR TABLE registers the partitions
-- found on disk; run it again (or ALTER TABLE … RECOVER PARTITIONS) after each load publishes.
-- A fact table with no rows is written as one file at the table root and no partition folder: the
-- partitioned table then reads as empty, which is what it is.
--
-- Types follow the warehouse contract: STRING for text and codes, INT for years, counts and line
-- numbers, BIGINT for yen, DOUBLE for ratios, DATE for dates, and TIMESTAMP_NTZ for the load times
-- (DuckDB writes them as microsecond timestamps not adjusted to UTC; the values are UTC wall-clock
-- times, and TIMESTAMP_NTZ keeps the session time zone from shifting them; on Spark before 3.4 use
-- TIMESTAMP). Parquet columns are matched by name, so column order does not matter.

CREATE DATABASE IF NOT EXISTS budget_warehouse;

CREATE TABLE IF NOT EXISTS budget_warehouse.dim_department (
    department_id STRING,
    name          STRING,
    bureau        STRING,
    kind          STRING,
    municipality  STRING,
    valid_from_fy INT,
    valid_to_fy   INT,
    is_current    BOOLEAN,
    source        STRING,
    parent        STRING,
    evidence      STRING
)
USING PARQUET
LOCATION '${lake}/dim_department';

CREATE TABLE IF NOT EXISTS budget_warehouse.dim_document (
    document_id            STRING,
    file_name              STRING,
    title                  STRING,
    family                 STRING,
    family_source          STRING,
    municipality           STRING,
    fiscal_year            INT,
    fiscal_year_source     STRING,
    fiscal_year_evidence   STRING,
    sha256                 STRING,
    encoding               STRING,
    line_count             INT,
    byte_count             BIGINT,
    plan_name              STRING,
    plan_start_fiscal_year INT,
    plan_end_fiscal_year   INT,
    plan_principle         STRING,
    loaded_at              TIMESTAMP_NTZ,
    coverage               DOUBLE
)
USING PARQUET
LOCATION '${lake}/dim_document';

CREATE TABLE IF NOT EXISTS budget_warehouse.dim_fiscal_year (
    fiscal_year INT,
    era_name    STRING,
    era_year    INT,
    label       STRING,
    start_date  DATE,
    end_date    DATE
)
USING PARQUET
LOCATION '${lake}/dim_fiscal_year';

CREATE TABLE IF NOT EXISTS budget_warehouse.dim_function (
    function_id STRING,
    code        INT,
    name        STRING,
    description STRING,
    source      STRING
)
USING PARQUET
LOCATION '${lake}/dim_function';

CREATE TABLE IF NOT EXISTS budget_warehouse.dim_policy (
    policy_id        STRING,
    document_id      STRING,
    level            INT,
    code             STRING,
    marker           STRING,
    title            STRING,
    description      STRING,
    parent_policy_id STRING,
    pillar_title     STRING,
    section_title    STRING,
    subsection_title STRING,
    path             STRING,
    theme            STRING,
    theme_evidence   STRING,
    source_page      INT,
    source_line      INT,
    fiscal_year      INT
)
USING PARQUET
PARTITIONED BY (fiscal_year)
LOCATION '${lake}/dim_policy';
MSCK REPAIR TABLE budget_warehouse.dim_policy;

CREATE TABLE IF NOT EXISTS budget_warehouse.fact_initiative (
    initiative_id          STRING,
    document_id            STRING,
    policy_id              STRING,
    department_id          STRING,
    department_method      STRING,
    department_evidence    STRING,
    kind                   STRING,
    parent_initiative_id   STRING,
    seq                    INT,
    text                   STRING,
    raw_text               STRING,
    action                 STRING,
    is_new_program         BOOLEAN,
    is_relisted            BOOLEAN,
    is_final_supplementary BOOLEAN,
    is_numeric_target      BOOLEAN,
    plan_ref               STRING,
    description            STRING,
    source_page            INT,
    source_line_start      INT,
    source_line_end        INT,
    function_id            STRING,
    function_method        STRING,
    function_evidence      STRING,
    tags                   STRING,
    fiscal_year            INT
)
USING PARQUET
PARTITIONED BY (fiscal_year)
LOCATION '${lake}/fact_initiative';
MSCK REPAIR TABLE budget_warehouse.fact_initiative;

CREATE TABLE IF NOT EXISTS budget_warehouse.fact_measure (
    measure_id        STRING,
    initiative_id     STRING,
    document_id       STRING,
    policy_id         STRING,
    department_id     STRING,
    label             STRING,
    value             DOUBLE,
    unit              STRING,
    counter           STRING,
    amount_yen        BIGINT,
    role              STRING,
    parent_measure_id STRING,
    bound             STRING,
    note              STRING,
    is_approximate    BOOLEAN,
    raw_text          STRING,
    source_page       INT,
    source_line       INT,
    function_id       STRING,
    function_method   STRING,
    function_evidence STRING,
    parse_error       STRING,
    fiscal_year       INT
)
USING PARQUET
PARTITIONED BY (fiscal_year)
LOCATION '${lake}/fact_measure';
MSCK REPAIR TABLE budget_warehouse.fact_measure;

CREATE TABLE IF NOT EXISTS budget_warehouse.fact_milestone (
    milestone_id       STRING,
    initiative_id      STRING,
    document_id        STRING,
    policy_id          STRING,
    department_id      STRING,
    event              STRING,
    start_date         DATE,
    end_date           DATE,
    precision          STRING,
    is_planned         BOOLEAN,
    target_fiscal_year INT,
    raw_text           STRING,
    source_page        INT,
    source_line        INT,
    fiscal_year        INT
)
USING PARQUET
PARTITIONED BY (fiscal_year)
LOCATION '${lake}/fact_milestone';
MSCK REPAIR TABLE budget_warehouse.fact_milestone;

CREATE TABLE IF NOT EXISTS budget_warehouse.fact_plan_achievement (
    achievement_id   STRING,
    document_id      STRING,
    policy_id        STRING,
    row_kind         STRING,
    label            STRING,
    items_planned    INT,
    items_achieved   INT,
    items_pending    INT,
    achievement_rate DOUBLE,
    stated_rate      DOUBLE,
    stated_rate_text STRING,
    is_consistent    BOOLEAN,
    raw_text         STRING,
    source_page      INT,
    source_line      INT,
    source_line_end  INT,
    fiscal_year      INT
)
USING PARQUET
PARTITIONED BY (fiscal_year)
LOCATION '${lake}/fact_plan_achievement';
MSCK REPAIR TABLE budget_warehouse.fact_plan_achievement;

CREATE TABLE IF NOT EXISTS budget_warehouse.fact_plan_status (
    status_id              STRING,
    achievement_id         STRING,
    document_id            STRING,
    policy_id              STRING,
    row_kind               STRING,
    status_raw             STRING,
    status_scale           STRING,
    status_rank            INT,
    item_count             INT,
    source_page            INT,
    source_line            INT,
    status_class           STRING,
    scale_rank             INT,
    is_scheme_word         BOOLEAN,
    parent_status_raw      STRING,
    is_breakdown           BOOLEAN,
    status_change          INT,
    items_total            INT,
    stated_rate            DOUBLE,
    stated_rate_text       STRING,
    recomputed_rate        DOUBLE,
    is_consistent          BOOLEAN,
    plan_name              STRING,
    plan_start_fiscal_year INT,
    plan_end_fiscal_year   INT,
    as_of_date             DATE,
    fiscal_year            INT
)
USING PARQUET
PARTITIONED BY (fiscal_year)
LOCATION '${lake}/fact_plan_status';
MSCK REPAIR TABLE budget_warehouse.fact_plan_status;

CREATE TABLE IF NOT EXISTS budget_warehouse.fact_plan_transition (
    transition_id  STRING,
    achievement_id STRING,
    document_id    STRING,
    policy_id      STRING,
    row_kind       STRING,
    from_raw       STRING,
    from_meaning   STRING,
    from_class     STRING,
    from_rank      INT,
    to_raw         STRING,
    to_meaning     STRING,
    to_class       STRING,
    to_rank        INT,
    item_count     INT,
    item_refs      STRING,
    item_numbers   STRING,
    raw_text       STRING,
    source_page    INT,
    source_line    INT,
    fiscal_year    INT
)
USING PARQUET
PARTITIONED BY (fiscal_year)
LOCATION '${lake}/fact_plan_transition';
MSCK REPAIR TABLE budget_warehouse.fact_plan_transition;

CREATE TABLE IF NOT EXISTS budget_warehouse.fact_source_line (
    document_id   STRING,
    source_page   INT,
    source_line   INT,
    text          STRING,
    role          STRING,
    policy_id     STRING,
    initiative_id STRING,
    fiscal_year   INT
)
USING PARQUET
PARTITIONED BY (fiscal_year)
LOCATION '${lake}/fact_source_line';
MSCK REPAIR TABLE budget_warehouse.fact_source_line;

CREATE TABLE IF NOT EXISTS budget_warehouse.bridge_initiative_lineage (
    initiative_id       STRING,
    lineage_id          STRING,
    municipality        STRING,
    family              STRING,
    prior_initiative_id STRING,
    prior_fiscal_year   INT,
    similarity          DOUBLE,
    link_rule           STRING,
    core_text           STRING,
    fiscal_year         INT
)
USING PARQUET
PARTITIONED BY (fiscal_year)
LOCATION '${lake}/bridge_initiative_lineage';
MSCK REPAIR TABLE budget_warehouse.bridge_initiative_lineage;

CREATE TABLE IF NOT EXISTS budget_warehouse.agg_dashboard_item (
    initiative_id         STRING,
    document_id           STRING,
    municipality          STRING,
    family                STRING,
    file_name             STRING,
    policy_id             STRING,
    theme                 STRING,
    pillar_title          STRING,
    section_title         STRING,
    department_id         STRING,
    department            STRING,
    bureau                STRING,
    valid_from_fy         INT,
    valid_to_fy           INT,
    department_is_current BOOLEAN,
    function_id           STRING,
    function_name         STRING,
    text                  STRING,
    action                STRING,
    is_new_program        BOOLEAN,
    is_relisted           BOOLEAN,
    money_yen             BIGINT,
    money_amounts         BIGINT,
    source_page           INT,
    source_line_start     INT,
    source_line_end       INT,
    source                STRING,
    fiscal_year           INT
)
USING PARQUET
PARTITIONED BY (fiscal_year)
LOCATION '${lake}/agg_dashboard_item';
MSCK REPAIR TABLE budget_warehouse.agg_dashboard_item;

CREATE TABLE IF NOT EXISTS budget_warehouse.agg_dashboard_yoy (
    municipality         STRING,
    family               STRING,
    prior_fiscal_year    INT,
    lineage_id           STRING,
    status               STRING,
    initiative_id        STRING,
    prior_initiative_id  STRING,
    source_initiative_id STRING,
    theme                STRING,
    department           STRING,
    function_name        STRING,
    text                 STRING,
    prior_text           STRING,
    similarity           DOUBLE,
    link_rule            STRING,
    source               STRING,
    source_file          STRING,
    source_line          INT,
    fiscal_year          INT
)
USING PARQUET
PARTITIONED BY (fiscal_year)
LOCATION '${lake}/agg_dashboard_yoy';
MSCK REPAIR TABLE budget_warehouse.agg_dashboard_yoy;

CREATE TABLE IF NOT EXISTS budget_warehouse.agg_theme_year (
    municipality            STRING,
    family                  STRING,
    theme                   STRING,
    fiscal_year             INT,
    prior_fiscal_year       INT,
    initiatives             BIGINT,
    initiatives_prior       BIGINT,
    initiatives_delta       BIGINT,
    initiatives_pct_change  DOUBLE,
    new_programs            BIGINT,
    new_programs_prior      BIGINT,
    new_programs_delta      BIGINT,
    new_programs_pct_change DOUBLE,
    relisted                BIGINT,
    relisted_prior          BIGINT,
    relisted_delta          BIGINT,
    relisted_pct_change     DOUBLE,
    amount_yen              BIGINT,
    amount_yen_prior        BIGINT,
    amount_yen_delta        BIGINT,
    amount_yen_pct_change   DOUBLE
)
USING PARQUET
LOCATION '${lake}/agg_theme_year';

CREATE TABLE IF NOT EXISTS budget_warehouse.agg_theme_year_series (
    municipality          STRING,
    family                STRING,
    document_count        INT,
    documents_fingerprint STRING
)
USING PARQUET
LOCATION '${lake}/agg_theme_year_series';

CREATE TABLE IF NOT EXISTS budget_warehouse.etl_document (
    run_id      STRING,
    file_name   STRING,
    document_id STRING,
    sha256      STRING,
    status      STRING,
    family      STRING,
    error       STRING,
    error_line  INT,
    warnings    STRING,
    row_count   BIGINT
)
USING PARQUET
LOCATION '${lake}/etl_document';

CREATE TABLE IF NOT EXISTS budget_warehouse.etl_run (
    run_id              STRING,
    started_at          TIMESTAMP_NTZ,
    finished_at         TIMESTAMP_NTZ,
    seeds_path          STRING,
    snapshot_id         STRING,
    documents_seen      INT,
    documents_loaded    INT,
    documents_unchanged INT,
    documents_rejected  INT,
    documents_removed   INT,
    status              STRING,
    message             STRING
)
USING PARQUET
LOCATION '${lake}/etl_run';
