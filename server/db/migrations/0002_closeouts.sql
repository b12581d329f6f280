-- Distribution close-out counts, and the review queue's duplicates and device reports.
-- Append-only: never edit a landed migration, add a new file.

-- Every count of a distribution's cash box, cheques and card terminal batch. A recount is a
-- new row: the latest (recorded_at, then id) is the close-out, the others are its history.
-- The expected figures at the moment of the count are kept with it, so the history still says
-- what the coordinator saw after later payments or corrections change what is expected.
CREATE TABLE closeout_counts (
	group_id uuid NOT NULL,
	id uuid NOT NULL,
	distribution_id uuid NOT NULL,
	cash_float_cents bigint NOT NULL CHECK (cash_float_cents >= 0),
	cash_counted_cents bigint NOT NULL CHECK (cash_counted_cents >= 0),
	cheque_count integer NOT NULL CHECK (cheque_count >= 0),
	cheque_total_cents bigint NOT NULL CHECK (cheque_total_cents >= 0),
	card_terminal_batch_cents bigint NOT NULL CHECK (card_terminal_batch_cents >= 0),
	expected_cash_cents bigint NOT NULL,
	expected_cheque_count integer NOT NULL,
	expected_cheque_total_cents bigint NOT NULL,
	expected_card_terminal_cents bigint NOT NULL,
	expected_transfer_cents bigint NOT NULL,
	recorded_by uuid NOT NULL REFERENCES users (id),
	-- clock_timestamp(), not now(): two counts in quick succession must not tie.
	recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
	PRIMARY KEY (group_id, id),
	FOREIGN KEY (group_id, distribution_id) REFERENCES distributions (group_id, id)
);
CREATE INDEX closeout_counts_latest_idx
	ON closeout_counts (group_id, distribution_id, recorded_at DESC, id DESC);

CREATE FUNCTION closeout_counts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'closeout_counts are append-only: % refused', TG_OP
		USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER closeout_counts_no_update BEFORE UPDATE OR DELETE ON closeout_counts
	FOR EACH ROW EXECUTE FUNCTION closeout_counts_append_only();
CREATE TRIGGER closeout_counts_no_truncate BEFORE TRUNCATE ON closeout_counts
	FOR EACH STATEMENT EXECUTE FUNCTION closeout_counts_append_only();

-- Review items beyond late payments:
-- - duplicate: computed from the ledger on each read; a row is written only when the
--   coordinator resolves one, under an id derived from the duplicate's key and operations, so
--   that the same duplicate never comes back once kept or reversed;
-- - device_rejected: an operation a device reports as rejected or conflicting, once per
--   operation id (item_key 'report:<operationId>').
-- member_id and amount_cents are copied when known (a reported operation may be in no ledger);
-- details holds what a device reported (status, code, the operation as sent).
ALTER TABLE review_items
	ADD COLUMN item_key text,
	ADD COLUMN member_id uuid,
	ADD COLUMN amount_cents bigint,
	ADD COLUMN device_id text,
	ADD COLUMN details jsonb,
	ADD COLUMN reported_by uuid REFERENCES users (id),
	ADD COLUMN correction_id uuid;
CREATE UNIQUE INDEX review_items_key ON review_items (group_id, item_key);
ALTER TABLE review_items
	ADD CONSTRAINT review_items_kind_check
		CHECK (kind IN ('late_payment', 'duplicate', 'device_rejected')),
	ADD CONSTRAINT review_items_resolution_check
		CHECK (resolution IS NULL OR resolution IN ('keep', 'reverse')),
	ADD CONSTRAINT review_items_resolved_check
		CHECK ((resolved_at IS NULL) = (resolution IS NULL));
