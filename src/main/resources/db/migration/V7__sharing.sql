-- Inter-agency sharing: agreements, shares of cases, immutable released snapshots, message threads.

alter table agency add column updated_at timestamptz;
alter table agency add column version integer not null default 0;

-- A signed agreement: which categories one agency may release to another, up to which handling code, when.
create table sharing_agreement (
    id                uuid primary key,
    from_agency       text not null references agency (code),
    to_agency         text not null references agency (code),
    categories        text not null,
    max_handling_code text not null check (max_handling_code in ('H0', 'H1', 'H2', 'H3')),
    valid_from        date not null,
    valid_to          date not null,
    reference         text not null,
    created_by        text not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           integer not null,
    check (from_agency <> to_agency),
    check (valid_from <= valid_to)
);

create index sharing_agreement_pair on sharing_agreement (from_agency, to_agency);
create index sharing_agreement_to on sharing_agreement (to_agency);

-- A case released to a partner agency.
create table case_share (
    id                 uuid primary key,
    case_id            uuid not null references case_file (id),
    from_agency        text not null references agency (code),
    to_agency          text not null references agency (code),
    agreement_id       uuid not null references sharing_agreement (id),
    handling_code      text not null check (handling_code in ('H0', 'H1', 'H2', 'H3')),
    conditions         text,
    purpose            text not null,
    expires_at         timestamptz not null,
    redaction          jsonb not null,
    categories         text not null,
    status             text not null check (status in ('PENDING_APPROVAL', 'ACTIVE', 'REVOKED', 'EXPIRED')),
    requested_by       text not null,
    approved_by        text,
    approved_at        timestamptz,
    acknowledged_by    text,
    acknowledged_at    timestamptz,
    ended_by           text,
    ended_at           timestamptz,
    end_reason         text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            integer not null,
    check (from_agency <> to_agency)
);

create index case_share_case on case_share (case_id, created_at desc);
create index case_share_inbox on case_share (to_agency, created_at desc, id desc);
create index case_share_expiry on case_share (expires_at) where status in ('PENDING_APPROVAL', 'ACTIVE');

-- Exactly what was given: each published version of a share's redacted content, never changed.
create table share_snapshot (
    id           uuid primary key,
    share_id     uuid not null references case_share (id),
    version      integer not null,
    content      jsonb not null,
    signed       text,
    published_by text not null,
    published_at timestamptz not null,
    unique (share_id, version)
);

-- The thread both agencies write in: comments, requests for information with a due date, responses.
create table share_message (
    id           uuid primary key,
    share_id     uuid not null references case_share (id),
    kind         text not null check (kind in ('COMMENT', 'REQUEST_FOR_INFORMATION', 'RESPONSE')),
    author       text not null,
    author_agency text not null references agency (code),
    body         text not null,
    due_at       timestamptz,
    answers      uuid references share_message (id),
    created_at   timestamptz not null,
    check ((kind = 'REQUEST_FOR_INFORMATION') = (due_at is not null)),
    check ((kind = 'RESPONSE') = (answers is not null))
);

create index share_message_share on share_message (share_id, created_at, id);
create index share_message_open_requests on share_message (due_at) where kind = 'REQUEST_FOR_INFORMATION';

-- What the liaisons' live inbox streams; the sequence is the SSE event id a reconnecting client resumes from.
create table share_event (
    seq         bigserial primary key,
    share_id    uuid not null references case_share (id),
    from_agency text not null,
    to_agency   text not null,
    kind        text not null check (kind in ('SHARED', 'UPDATED', 'REVOKED', 'EXPIRED', 'MESSAGE', 'ACKNOWLEDGED')),
    occurred_at timestamptz not null
);

create index share_event_to on share_event (to_agency, seq);
create index share_event_from on share_event (from_agency, seq);

create function sharing_immutable() returns trigger language plpgsql as $$
begin
    raise exception '% is immutable (% refused)', tg_table_name, tg_op;
end $$;

create trigger share_snapshot_immutable before update or delete on share_snapshot
    for each row execute function sharing_immutable();
create trigger share_message_immutable before update or delete on share_message
    for each row execute function sharing_immutable();

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert, update on agency, sharing_agreement, case_share to ${appRole}';
        execute 'grant select, insert on share_snapshot, share_message, share_event to ${appRole}';
        execute 'grant usage, select on sequence share_event_seq_seq to ${appRole}';
    end if;
end $$;
