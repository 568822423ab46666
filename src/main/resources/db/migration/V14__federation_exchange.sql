-- Federation exchange: what this installation publishes to each partner over TAXII, what it received from each, and
-- where it is in polling each. Nothing here is writable by a partner: a partner only reads its own collection.

-- A share released by a partner installation and received here has no local case; it names where it came from.
alter table case_share alter column case_id drop not null;
alter table case_share add column origin_installation text;
alter table case_share add constraint case_share_local_or_received check ((origin_installation is null) = (case_id is not null));
create index case_share_origin on case_share (origin_installation) where origin_installation is not null;

-- A message received from a partner installation is never sent back to it.
alter table share_message add column origin_installation text;

-- Changes to shares not yet looked at by the federation publisher: filled by a trigger in the very transaction that
-- changed the share, emptied by the one publisher after it wrote the partners' objects. Exact: no window, no scan.
create table federation_queue (
    event_seq bigint primary key,
    share_id  uuid   not null,
    kind      text   not null
);

create function federation_enqueue() returns trigger language plpgsql as $$
begin
    if exists (select 1 from federation_partner) then
        insert into federation_queue (event_seq, share_id, kind) values (new.seq, new.share_id, new.kind);
    end if;
    return new;
end $$;

create trigger share_event_federation after insert on share_event for each row execute function federation_enqueue();

-- The signed STIX objects of each partner's collection, in the order they were added. Only the publisher (one at a
-- time, under an advisory lock) adds rows, so seq and date_added follow commit order and a poller never misses one.
create table federation_object (
    seq         bigserial   primary key,
    partner_id  uuid        not null references federation_partner (id),
    stix_id     text        not null,
    stix_type   text        not null,
    modified    text        not null,
    date_added  timestamptz not null,
    share_id    uuid,
    object      text        not null,
    jws         text        not null,
    sha256      text        not null,
    receipted_at timestamptz,
    receipt      text,
    unique (partner_id, stix_id, modified)
);

create index federation_object_share on federation_object (share_id, partner_id) where share_id is not null;

-- Every object version applied from a partner, verified before it was stored and kept beside its signature.
create table federation_received (
    partner_id  uuid        not null references federation_partner (id),
    stix_id     text        not null,
    modified    text        not null,
    object      text        not null,
    jws         text        not null,
    sha256      text        not null,
    received_at timestamptz not null,
    primary key (partner_id, stix_id, modified)
);

-- Where this installation is in each partner's collection, and how its polling goes.
create table federation_poll (
    partner_id      uuid        primary key references federation_partner (id),
    added_after     text,
    next_poll_at    timestamptz not null,
    failures        integer     not null default 0,
    last_error      text,
    last_success_at timestamptz,
    refused         bigint      not null default 0
);

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert, delete on federation_queue to ${appRole}';
        execute 'grant select, insert, update on federation_object, federation_poll to ${appRole}';
        execute 'grant select, insert on federation_received to ${appRole}';
        execute 'grant usage, select on sequence federation_object_seq_seq to ${appRole}';
    end if;
end $$;
