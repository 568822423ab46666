-- The publisher gives each new object of a collection a date_added after the collection's newest: found by index,
-- not by reading the whole collection (bench/federation.sh).
create index federation_object_added on federation_object (partner_id, date_added desc);
