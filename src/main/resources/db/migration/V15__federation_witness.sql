-- Each side's access log witnessed by the other: the partner's signed checkpoints this installation checked and
-- cosigned (each must extend the one before), and the cosignatures the partner returned for this installation's own.
create table federation_witnessed (
    partner_id    uuid        not null references federation_partner (id),
    number        bigint      not null,
    last_position bigint      not null,
    last_hash     text        not null,
    jws           text        not null,
    witnessed_at  timestamptz not null,
    primary key (partner_id, number)
);

create table federation_cosignature (
    partner_id  uuid        not null references federation_partner (id),
    number      bigint      not null,
    checkpoint_sha256 text  not null,
    jws         text        not null,
    received_at timestamptz not null,
    primary key (partner_id, number)
);

create trigger federation_witnessed_immutable before update or delete on federation_witnessed
    for each row execute function sharing_immutable();

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert on federation_witnessed, federation_cosignature to ${appRole}';
    end if;
end $$;
