-- Cases: verified reports about the same incident, owned by one agency.
create table case_file (
    id          uuid primary key,
    agency      text not null references agency (code),
    title       text not null,
    summary     text,
    impact      text,
    status      text not null check (status in ('OPEN', 'CLOSED')),
    assigned_to text,
    created_by  text not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     integer not null
);

create index case_file_agency_created on case_file (agency, created_at desc, id desc);

-- A report belongs to at most one case.
alter table report add column case_id uuid references case_file (id);
create index report_case on report (case_id);
