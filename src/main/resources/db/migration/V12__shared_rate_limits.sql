-- Per-user rate limits shared by every replica: one Bucket4j token bucket per token subject (its serialized state),
-- locked with SELECT ... FOR UPDATE while a replica takes from it. expires_at (epoch millis) is when the bucket would
-- be full again, after which the row is the same as no row and the service deletes it.
create table rate_limit_bucket (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') then
        execute 'grant select, insert, update, delete on rate_limit_bucket to ${appRole}';
    end if;
end $$;
