-- Refusals of unauthenticated callers (no token, a forged or an expired one), bounded: per client address and minute
-- the first is recorded in full in audit_event (and so in the chain), every further one only counts here. The upsert
-- makes the count exact across replicas. The service may insert rows and raise the counter, nothing else: the
-- counter is the one value in the audit tables that changes, and it changes only upwards. first_event_id names the
-- audit_event row of the first refusal (no foreign key: audit_event keeps its own truncate guard as it is).
create table audit_refusal_bucket (
    client_address text        not null,
    minute         timestamptz not null,
    refusals       bigint      not null check (refusals >= 1),
    first_event_id uuid        not null,
    primary key (client_address, minute)
);
create index audit_refusal_bucket_minute on audit_refusal_bucket (minute desc);

create function audit_refusal_bucket_only_counts() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' or new.client_address <> old.client_address or new.minute <> old.minute
            or new.first_event_id <> old.first_event_id or new.refusals < old.refusals then
        raise exception 'audit_refusal_bucket only counts upwards (% refused)', tg_op;
    end if;
    return new;
end $$;
create trigger audit_refusal_bucket_counts before update or delete on audit_refusal_bucket
    for each row execute function audit_refusal_bucket_only_counts();
create trigger audit_refusal_bucket_no_truncate before truncate on audit_refusal_bucket
    for each statement execute function audit_event_append_only();

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert on audit_refusal_bucket to ${appRole}';
        execute 'grant update (refusals) on audit_refusal_bucket to ${appRole}';
    end if;
end $$;
