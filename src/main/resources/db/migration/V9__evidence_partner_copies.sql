-- Partner copies: what a partner agency receives of a photo instead of the original, with every embedded metadata
-- block removed. Made once when the upload completes; its bytes are stored like an upload's (an evidence_upload row
-- the server writes, status COMPLETE), so they live in the same store as the original (PostgreSQL or S3).
-- Insert-only, like the evidence it belongs to: the evidence row itself stays untouched.
create table evidence_partner_copy (
    evidence_id    uuid primary key references evidence (id),
    copy_upload_id uuid not null unique references evidence_upload (id),
    content_type   text not null,
    size           bigint not null check (size > 0),
    sha256         text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    created_at     timestamptz not null
);

create trigger evidence_partner_copy_no_change before update or delete on evidence_partner_copy
    for each row execute function evidence_immutable();

-- The bytes of a partner copy are kept like the original's.
create or replace function evidence_bytes_kept() returns trigger language plpgsql as $$
begin
    if exists (select 1 from evidence where upload_id = old.upload_id)
            or exists (select 1 from evidence_partner_copy where copy_upload_id = old.upload_id) then
        raise exception 'bytes of evidence % are immutable (% refused)', old.upload_id, tg_op;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert on evidence_partner_copy to ${appRole}';
    end if;
end $$;
