-- The publisher gives each new object of a collection a date_added after the collection's newest: found by index,
-- not by reading the whole collection (bench/federation.sh).
create index federation_object_added on federation_object (partner_id, date_added desc);

-- The agencies a partner installation speaks for: what it releases must come from one of them, what it writes in a
-- thread must be by one of them, and only releases to one of them travel to it.
alter table federation_partner add column agencies text not null default '';
