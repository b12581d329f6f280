-- Initial schema. Append-only: never edit a landed migration, add a new file.
--
-- Every group-owned table carries group_id and has it first in its primary key, so the data
-- can be distributed by group (Citus) later. Users, sessions and login attempts are identity,
-- not group data: a person has one login across groups.
-- Money is bigint cents. Rows that devices pull carry txid (the writing transaction's id):
-- the pull cursor is a transaction-id horizon, see server/routes/sync.

CREATE TABLE users (
	id uuid PRIMARY KEY,
	email text NOT NULL,
	name text NOT NULL,
	password_hash text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE sessions (
	token_hash text PRIMARY KEY,
	user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at timestamptz NOT NULL DEFAULT now(),
	expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE login_attempts (
	id bigserial PRIMARY KEY,
	email text NOT NULL,
	address text NOT NULL,
	succeeded boolean NOT NULL,
	at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email_idx ON login_attempts (lower(email), at);
CREATE INDEX login_attempts_address_idx ON login_attempts (address, at);

CREATE TABLE groups (
	id uuid PRIMARY KEY,
	group_id uuid GENERATED ALWAYS AS (id) STORED,
	name text NOT NULL,
	payment_methods text[] NOT NULL DEFAULT ARRAY['cheque', 'cash', 'card_terminal', 'transfer'],
	allow_negative_money_pot boolean NOT NULL DEFAULT false,
	created_at timestamptz NOT NULL DEFAULT now(),
	txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);

CREATE TABLE members (
	group_id uuid NOT NULL REFERENCES groups (id),
	id uuid NOT NULL,
	user_id uuid REFERENCES users (id),
	name text NOT NULL,
	email text,
	role text NOT NULL CHECK (role IN ('coordinator', 'helper', 'member')),
	created_at timestamptz NOT NULL DEFAULT now(),
	txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
	PRIMARY KEY (group_id, id)
);
CREATE UNIQUE INDEX members_user_key ON members (group_id, user_id);
CREATE UNIQUE INDEX members_email_key ON members (group_id, lower(email));
CREATE INDEX members_txid_idx ON members (group_id, txid);

CREATE TABLE distributions (
	group_id uuid NOT NULL REFERENCES groups (id),
	id uuid NOT NULL,
	date date NOT NULL,
	place text NOT NULL,
	validated_at timestamptz,
	validated_by uuid REFERENCES users (id),
	created_at timestamptz NOT NULL DEFAULT now(),
	txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
	PRIMARY KEY (group_id, id)
);
CREATE INDEX distributions_date_idx ON distributions (group_id, date);
CREATE INDEX distributions_txid_idx ON distributions (group_id, txid);

CREATE TABLE products (
	group_id uuid NOT NULL,
	id uuid NOT NULL,
	distribution_id uuid NOT NULL,
	name text NOT NULL,
	unit_price_cents bigint NOT NULL CHECK (unit_price_cents >= 0),
	position integer NOT NULL DEFAULT 0,
	PRIMARY KEY (group_id, id),
	FOREIGN KEY (group_id, distribution_id) REFERENCES distributions (group_id, id)
);
CREATE INDEX products_distribution_idx ON products (group_id, distribution_id);

CREATE TABLE orders (
	group_id uuid NOT NULL,
	id uuid NOT NULL,
	distribution_id uuid NOT NULL,
	member_id uuid NOT NULL,
	payment_method text NOT NULL,
	lines jsonb NOT NULL,
	total_cents bigint NOT NULL CHECK (total_cents >= 0),
	created_by uuid REFERENCES users (id),
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
	PRIMARY KEY (group_id, id),
	FOREIGN KEY (group_id, distribution_id) REFERENCES distributions (group_id, id),
	FOREIGN KEY (group_id, member_id) REFERENCES members (group_id, id)
);
CREATE INDEX orders_distribution_idx ON orders (group_id, distribution_id);
CREATE INDEX orders_member_idx ON orders (group_id, member_id);
CREATE INDEX orders_txid_idx ON orders (group_id, txid);

-- The ledger. Append-only: the trigger below refuses UPDATE and DELETE.
CREATE TABLE operations (
	group_id uuid NOT NULL,
	id uuid NOT NULL,
	member_id uuid NOT NULL,
	kind text NOT NULL CHECK (
		kind IN ('order', 'order_adjustment', 'payment', 'refund', 'opening_balance', 'correction')
	),
	amount_cents bigint NOT NULL CHECK (amount_cents <> 0),
	method text CHECK (method IN ('cheque', 'cash', 'transfer', 'card_terminal', 'online_card')),
	distribution_id uuid,
	order_id uuid,
	corrects_id uuid,
	reference jsonb,
	occurred_at timestamptz NOT NULL,
	device_id text NOT NULL,
	recorded_by uuid REFERENCES users (id),
	received_at timestamptz NOT NULL DEFAULT now(),
	txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
	PRIMARY KEY (group_id, id),
	FOREIGN KEY (group_id, member_id) REFERENCES members (group_id, id)
);
CREATE INDEX operations_member_idx ON operations (group_id, member_id, occurred_at);
CREATE INDEX operations_distribution_idx ON operations (group_id, distribution_id);
CREATE INDEX operations_txid_idx ON operations (group_id, txid);
-- At most one correction per operation, enforced by the database too.
CREATE UNIQUE INDEX operations_one_correction ON operations (group_id, corrects_id)
	WHERE corrects_id IS NOT NULL;

CREATE FUNCTION operations_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'operations are append-only: % refused', TG_OP
		USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER operations_no_update BEFORE UPDATE OR DELETE ON operations
	FOR EACH ROW EXECUTE FUNCTION operations_append_only();
CREATE TRIGGER operations_no_truncate BEFORE TRUNCATE ON operations
	FOR EACH STATEMENT EXECUTE FUNCTION operations_append_only();

-- Balances kept in the same transaction as each operation insert (and on validation):
-- total_cents = sum of all the member's operations (projected balance);
-- pending_cents = the part of it still pending (payments of unvalidated distributions and
-- their corrections). Confirmed balance = total_cents - pending_cents.
-- `npm run db:verify` recomputes both from the operations.
CREATE TABLE member_balances (
	group_id uuid NOT NULL,
	member_id uuid NOT NULL,
	total_cents bigint NOT NULL DEFAULT 0,
	pending_cents bigint NOT NULL DEFAULT 0,
	PRIMARY KEY (group_id, member_id),
	FOREIGN KEY (group_id, member_id) REFERENCES members (group_id, id)
);

-- What needs the coordinator: late payments, likely duplicates, device-reported rejections.
CREATE TABLE review_items (
	group_id uuid NOT NULL,
	id uuid NOT NULL,
	kind text NOT NULL,
	operation_ids uuid[] NOT NULL,
	reason text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	resolved_at timestamptz,
	resolved_by uuid REFERENCES users (id),
	resolution text,
	PRIMARY KEY (group_id, id)
);
CREATE INDEX review_items_open_idx ON review_items (group_id) WHERE resolved_at IS NULL;

-- Rows that devices pull get a fresh txid on every update.
CREATE FUNCTION touch_txid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.txid := pg_current_xact_id();
	RETURN NEW;
END;
$$;
CREATE TRIGGER members_touch BEFORE UPDATE ON members FOR EACH ROW EXECUTE FUNCTION touch_txid();
CREATE TRIGGER distributions_touch BEFORE UPDATE ON distributions
	FOR EACH ROW EXECUTE FUNCTION touch_txid();
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch_txid();
CREATE TRIGGER groups_touch BEFORE UPDATE ON groups FOR EACH ROW EXECUTE FUNCTION touch_txid();
