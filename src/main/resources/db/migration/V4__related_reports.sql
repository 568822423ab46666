-- Vehicle plates, normalized (upper case; no spaces, dots, dashes or middle dots), for finding
-- reports about the same vehicle. Kept by the trigger so every write path fills it.
alter table report add column plates text[] not null default '{}';

create or replace function report_stamp_change() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id()::text::bigint;
    new.change_seq := nextval('report_change_seq');
    new.plates := coalesce(array(
        select distinct upper(regexp_replace(vehicle ->> 'plate', '[[:space:].·-]', '', 'g'))
        from jsonb_array_elements(coalesce(new.content -> 'vehicles', '[]'::jsonb)) as vehicle
        where coalesce(vehicle ->> 'plate', '') <> ''), '{}');
    return new;
end $$;

-- Fill existing rows without moving them in the changes feed.
alter table report disable trigger report_stamp_change;
update report set plates = coalesce(array(
    select distinct upper(regexp_replace(vehicle ->> 'plate', '[[:space:].·-]', '', 'g'))
    from jsonb_array_elements(coalesce(content -> 'vehicles', '[]'::jsonb)) as vehicle
    where coalesce(vehicle ->> 'plate', '') <> ''), '{}');
alter table report enable trigger report_stamp_change;

create index report_plates on report using gin (plates);
create index report_agency_marker on report (agency, border_marker) where border_marker is not null;
create index report_agency_category_occurred on report (agency, category, occurred_at);
