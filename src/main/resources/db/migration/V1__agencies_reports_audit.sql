-- Agencies: reference data. The sharing feature adds an admin API on top.
create table agency (
    code       text primary key check (code ~ '^[A-Z]{2}-[A-Z0-9]{1,10}$'),
    country    char(2) not null,
    name_en    text not null,
    name_vi    text not null,
    name_zh    text not null,
    created_at timestamptz not null default now()
);

insert into agency (code, country, name_en, name_vi, name_zh) values
    ('VN-QN', 'VN', 'Quang Ninh Border Guard', 'Bộ đội Biên phòng tỉnh Quảng Ninh', '广宁省边防部队'),
    ('VN-LS', 'VN', 'Lang Son Border Guard',   'Bộ đội Biên phòng tỉnh Lạng Sơn',   '谅山省边防部队'),
    ('VN-CB', 'VN', 'Cao Bang Border Guard',   'Bộ đội Biên phòng tỉnh Cao Bằng',   '高平省边防部队'),
    ('VN-HG', 'VN', 'Ha Giang Border Guard',   'Bộ đội Biên phòng tỉnh Hà Giang',   '河江省边防部队'),
    ('CN-GX', 'CN', 'Guangxi Border Police',   'Cảnh sát Biên phòng Quảng Tây',      '广西边境管理总队');

-- Field reports. The id is made by the phone, so a retried PUT finds the same row.
create table report (
    id              uuid primary key,
    agency          text not null references agency (code),
    reporter        text not null,
    device_id       text,
    status          text not null,
    category        text not null,
    occurred_at     timestamptz not null,
    lat             double precision not null check (lat between -90 and 90),
    lon             double precision not null check (lon between -180 and 180),
    accuracy_meters double precision,
    border_gate     text,
    border_marker   text,
    impact          text,
    content         jsonb not null,
    origin_hash     text not null,
    version         integer not null,
    received_at     timestamptz not null,
    updated_at      timestamptz not null,
    -- Position in the offline-sync feed: the writing transaction's id, then a sequence.
    -- See ReportRepository#changesAfter for why this ordering never skips a change.
    change_xid      bigint not null default 0,
    change_seq      bigint not null default 0
);

create sequence report_change_seq;

create function report_stamp_change() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id()::text::bigint;
    new.change_seq := nextval('report_change_seq');
    return new;
end $$;

create trigger report_stamp_change before insert or update on report
    for each row execute function report_stamp_change();

create index report_agency_received on report (agency, received_at desc, id desc);
create index report_reporter_changes on report (reporter, change_xid, change_seq);
create index report_agency_changes on report (agency, change_xid, change_seq);

-- Superseded versions of a report: an amendment never overwrites history.
create table report_version (
    report_id     uuid not null references report (id),
    version       integer not null,
    content       jsonb not null,
    status        text not null,
    valid_from    timestamptz not null,
    valid_to      timestamptz not null,
    amended_by    text not null,
    primary key (report_id, version)
);

-- The access log. Rows are only ever inserted; the integrity chain (sealing) is kept in
-- its own tables later, so no row here ever needs rewriting.
create table audit_event (
    id              uuid primary key,
    occurred_at     timestamptz not null,
    subject         text,
    agency          text,
    roles           text,
    device_id       text,
    action          text not null,
    resource_type   text,
    resource_id     text,
    resource_agency text,
    outcome         text not null check (outcome in ('ALLOWED', 'DENIED', 'FAILED')),
    reason          text,
    purpose         text,
    client_address  text,
    user_agent      text,
    request_id      text
);

create index audit_event_time on audit_event (occurred_at desc, id desc);
create index audit_event_resource on audit_event (resource_id, occurred_at desc);
create index audit_event_subject on audit_event (subject, occurred_at desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (% refused)', tg_op;
end $$;

create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
