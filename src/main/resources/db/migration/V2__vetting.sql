-- Vetting: grading, questions to the officer, free-text search, and the report's history.
-- pg_trgm is a trusted extension: the database owner may create it.
create extension if not exists pg_trgm;

alter table report
    add column narrative           text,
    add column grading_source      char(1) check (grading_source in ('A', 'B', 'C', 'X')),
    add column grading_information char(1) check (grading_information in ('1', '2', '3', '4')),
    add column question            text,
    add column rejection_reason    text,
    add column decided_by          text;

update report set narrative = content -> 'narrative' ->> 'text';

-- Trigram matching finds words in Vietnamese and Chinese, which PostgreSQL cannot stem.
create index report_narrative_trgm on report using gin (narrative gin_trgm_ops);
create index report_agency_status_received on report (agency, status, received_at desc, id desc);
create index report_agency_occurred on report (agency, occurred_at);

-- Every decision, question and answer, in order. Rows are only inserted.
create table report_history (
    id                  uuid primary key,
    report_id           uuid not null references report (id),
    version             integer not null,
    kind                text not null,
    actor               text not null,
    at                  timestamptz not null,
    from_status         text,
    to_status           text not null,
    note                text,
    grading_source      char(1),
    grading_information char(1),
    impact              text
);

create index report_history_report on report_history (report_id, at, id);
