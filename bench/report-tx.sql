-- pgbench script for bench/ingest.sh: the transaction the service runs for
-- PUT /api/v1/reports/{new id} (FilingQueue, here one report per transaction), with the rows it writes for bench/report.json
-- filed by officer.qn: ReportBatchWriter.insertIfAbsent, then AuditEventWriter.append (REPORT_CREATE).
-- Fresh ids from gen_random_uuid(); the report trigger sets change_xid/change_seq as it does for the service.
-- content is the canonical JSON the service stores (ReportCodec) and origin_hash its SHA-256.
BEGIN;
insert into report (id, agency, reporter, device_id, status, category, occurred_at, lat, lon, accuracy_meters,
                    border_gate, border_marker, impact, narrative, content, origin_hash, version, received_at, updated_at)
values (gen_random_uuid(), 'VN-QN', 'be0973ba-7375-4a77-9880-808f3391efda', 'android-7f3a', 'SUBMITTED', 'DRUGS',
        '2026-11-20T14:40:00Z', 21.5283, 107.965, 12.0, 'MONG_CAI', null, 'HIGH', 'Hai đối tượng vận chuyển ma túy qua sông',
        cast(cast('{"category":"DRUGS","occurredAt":"2026-11-20T14:40:00Z","location":{"lat":21.5283,"lon":107.965,"accuracyMeters":12.0},"borderGate":"MONG_CAI","narrative":{"text":"Hai đối tượng vận chuyển ma túy qua sông","lang":"vi"},"impact":"HIGH","deviceId":"android-7f3a"}' as text) as jsonb),
        '27831c849bfcc0e5da16a8808d80f7d66c098d13e3461157588a858b0b8a4e00', 1, now(), now())
on conflict (id) do nothing
returning id \gset report_
insert into audit_event (id, occurred_at, subject, agency, roles, device_id, action, resource_type, resource_id,
                         resource_agency, outcome, reason, purpose, client_address, user_agent, request_id)
values (gen_random_uuid(), clock_timestamp(), 'be0973ba-7375-4a77-9880-808f3391efda', 'VN-QN',
        'default-roles-borderwatch,officer,offline_access,uma_authorization', 'android-7f3a', 'REPORT_CREATE',
        'REPORT', ':report_id', 'VN-QN', 'ALLOWED', null, null, '127.0.0.1', null, gen_random_uuid()::text);
COMMIT;
