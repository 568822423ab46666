-- Federation: a partner installation this one trusts, configured by an admin (never discovered). Its TLS certificate
-- is pinned by its SHA-256; its key set verifies what it signs; it carries only the local agreements named.
create table federation_partner (
    id                      uuid        primary key,
    installation            text        not null unique,
    base_url                text        not null,
    certificate_sha256      text        not null check (certificate_sha256 ~ '^[0-9a-f]{64}$'),
    certificate_not_after   timestamptz not null,
    key_set                 jsonb       not null,
    agreements              text        not null,
    recall_deadline_seconds bigint      not null check (recall_deadline_seconds between 60 and 2592000),
    created_by              text        not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 integer     not null default 0
);

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert, update on federation_partner to ${appRole}';
    end if;
end $$;
