-- The service runs as a role that owns nothing: it may read and write working data, and may only
-- INSERT and SELECT the audit tables. Migrations run as the owner. The role is a placeholder
-- (quarkus.flyway.placeholders.appRole); when it does not exist the grants are skipped.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') then
        execute 'grant usage on schema public to ${appRole}';
        execute 'grant select on agency to ${appRole}';
        execute 'grant select, insert, update on report, case_file to ${appRole}';
        execute 'grant select, insert on report_version, report_history to ${appRole}';
        execute 'grant select, insert on audit_event, audit_seal, audit_checkpoint to ${appRole}';
        execute 'grant usage, select on sequence report_change_seq to ${appRole}';
    end if;
end $$;
