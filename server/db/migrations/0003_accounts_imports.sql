-- Accounting exports and opening-balance imports. Append-only: never edit, add a new file.

-- The account numbers of a group's double-entry journal (FEC export). No row means the
-- defaults (411, 530, 5112, 512, 706, 471), so existing groups need no backfill.
CREATE TABLE group_accounts (
	group_id uuid PRIMARY KEY REFERENCES groups (id),
	members text NOT NULL CHECK (members ~ '^[0-9]{3,10}$'),
	cash text NOT NULL CHECK (cash ~ '^[0-9]{3,10}$'),
	cheques text NOT NULL CHECK (cheques ~ '^[0-9]{3,10}$'),
	bank text NOT NULL CHECK (bank ~ '^[0-9]{3,10}$'),
	sales text NOT NULL CHECK (sales ~ '^[0-9]{3,10}$'),
	opening text NOT NULL CHECK (opening ~ '^[0-9]{3,10}$'),
	updated_by uuid REFERENCES users (id),
	updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per opening-balance file imported into a group, keyed by the hash of its normalized
-- text: the same file uploaded again finds its row and records nothing. Inserting the row
-- first, in the import's transaction, makes two simultaneous uploads of one file wait on each
-- other. The operations themselves have ids derived from (group, file hash, member).
CREATE TABLE opening_imports (
	group_id uuid NOT NULL REFERENCES groups (id),
	file_hash text NOT NULL CHECK (file_hash ~ '^[0-9a-f]{64}$'),
	recorded_count integer NOT NULL CHECK (recorded_count >= 0),
	total_cents bigint NOT NULL,
	occurred_at timestamptz NOT NULL,
	imported_by uuid REFERENCES users (id),
	imported_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (group_id, file_hash)
);
