-- Audit integrity. Events are sealed into a hash chain after they commit, by one sealer at a time
-- (advisory lock), in the order of the transaction that wrote them: an event of a transaction that is
-- still running is never passed over. Rows of audit_event are never rewritten.
alter table audit_event add column tx bigint not null default pg_current_xact_id()::text::bigint;
create index audit_event_tx on audit_event (tx, id);

create table audit_seal (
    position  bigint primary key,
    event_id  uuid not null unique references audit_event (id),
    tx        bigint not null,
    hash      text not null,
    sealed_at timestamptz not null
);

-- Signed checkpoints over the chain; the signing key lives outside the database.
create table audit_checkpoint (
    number             bigint primary key,
    first_position     bigint not null,
    last_position      bigint not null,
    last_hash          text not null,
    previous_signature text,
    key_id             text not null,
    signed_at          timestamptz not null,
    jws                text not null
);

create trigger audit_seal_no_update before update or delete on audit_seal
    for each row execute function audit_event_append_only();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function audit_event_append_only();
create trigger audit_checkpoint_no_update before update or delete on audit_checkpoint
    for each row execute function audit_event_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_event_append_only();
