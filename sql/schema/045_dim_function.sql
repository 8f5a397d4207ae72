create table dim_function (
    function_id varchar not null primary key,
    code        integer,
    name        varchar not null,
    description varchar,
    source      varchar
);
comment on table dim_function is 'One row per 款 of the purpose classification of municipal expenditure (目的別歳出: 議会費 … 予備費, the same list for every municipality), plus one ''unknown'' member.';
comment on column dim_function.function_id is 'Key: F and the two-digit code (F03 = 民生費); ''unknown'' for the member used when no function could be assigned.';
comment on column dim_function.code is 'Position of the 款 in the national classification for municipalities: 1 議会費 2 総務費 3 民生費 4 衛生費 5 労働費 6 農林水産業費 7 商工費 8 土木費 9 消防費 10 教育費 11 災害復旧費 12 公債費 13 諸支出金 14 予備費; null for unknown.';
comment on column dim_function.name is 'The 款 as budgets print it, e.g. 民生費.';
comment on column dim_function.description is 'What the 款 covers, in one sentence.';
comment on column dim_function.source is 'Reference file and line of the row (reference/functions.csv:4, or builtin:functions.csv:4 when the seeds folder has none); system for unknown.';
