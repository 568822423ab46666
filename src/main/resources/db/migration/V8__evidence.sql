-- Evidence: resumable uploads (tus), the stored pieces, and the immutable evidence items they become.

create table evidence_upload (
    id              uuid primary key,
    report_id       uuid not null references report (id),
    agency          text not null references agency (code),
    uploaded_by     text not null,
    filename        text not null,
    content_type    text not null,
    declared_sha256 text not null check (declared_sha256 ~ '^[0-9a-f]{64}$'),
    captured_at     timestamptz,
    length          bigint not null check (length > 0),
    upload_offset   bigint not null default 0 check (upload_offset between 0 and length),
    status          text not null check (status in ('UPLOADING', 'COMPLETE', 'FAILED', 'ABANDONED', 'EXPIRED')),
    created_at      timestamptz not null,
    expires_at      timestamptz not null
);

create index evidence_upload_report on evidence_upload (report_id);
create index evidence_upload_reclaim on evidence_upload (expires_at) where status <> 'COMPLETE';

-- Where each piece of an upload's bytes lives; the bytes are in evidence_chunk (PostgreSQL store) or in the object store.
create table evidence_piece (
    upload_id    uuid not null references evidence_upload (id),
    start_offset bigint not null,
    length       integer not null check (length > 0),
    primary key (upload_id, start_offset)
);

create table evidence_chunk (
    upload_id    uuid not null references evidence_upload (id),
    start_offset bigint not null,
    data         bytea not null,
    primary key (upload_id, start_offset)
);

create table evidence (
    id             uuid primary key,
    report_id      uuid not null references report (id),
    agency         text not null references agency (code),
    upload_id      uuid not null unique references evidence_upload (id),
    filename       text not null,
    content_type   text not null,
    size           bigint not null,
    sha256         text not null,
    captured_at    timestamptz,
    exif_taken_at  timestamptz,
    camera         text,
    gps_lat        double precision,
    gps_lon        double precision,
    location_flag  text,
    uploaded_by    text not null,
    created_at     timestamptz not null
);

create index evidence_report on evidence (report_id, created_at);

-- Originals are immutable: an evidence item never changes, and the bytes of a completed upload are never removed.
create function evidence_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'evidence is immutable (% refused)', tg_op;
end $$;

create trigger evidence_no_change before update or delete on evidence
    for each row execute function evidence_immutable();

create function evidence_bytes_kept() returns trigger language plpgsql as $$
begin
    if exists (select 1 from evidence where upload_id = old.upload_id) then
        raise exception 'bytes of evidence % are immutable (% refused)', old.upload_id, tg_op;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger evidence_chunk_kept before update or delete on evidence_chunk
    for each row execute function evidence_bytes_kept();
create trigger evidence_piece_kept before update or delete on evidence_piece
    for each row execute function evidence_bytes_kept();

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert, update on evidence_upload to ${appRole}';
        execute 'grant select, insert, delete on evidence_piece, evidence_chunk to ${appRole}';
        execute 'grant select, insert on evidence to ${appRole}';
    end if;
end $$;
