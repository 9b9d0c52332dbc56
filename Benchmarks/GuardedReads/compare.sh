#!/bin/bash
# The dashboard's reads on PostgreSQL, before and after migration 12 ("reads guarded by role"),
# measured with pgbench on the same store, as each role given:
#   before: the tables, with the read policies of migration 5 (USING (true)) put back for the run,
#           as every role read them until migration 12;
#   after:  the seen_* views, which mask what the role may not see in full.
# Usage: compare.sh TRANSACTIONS ROLE...   (PGHOST, PGPORT, PGDATABASE as for psql; OWNER is the
# role that owns the tables, postgres by default; PG_BIN the folder of psql and pgbench).
# Run it on a copy of a store, never on one in use: while it measures "before", every role reads
# the tables in full, as before migration 12; the policies go again on every exit.
set -euo pipefail
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
owner=${OWNER:-postgres}
transactions=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
as_owner() { PGOPTIONS="-c client_min_messages=warning" "$bin/psql" -X -q -A -t -v ON_ERROR_STOP=1 -U "$owner" -c "$1"; }
latency() { "$bin/pgbench" -n -U "$1" -f "$here/$2" -t "$transactions" 2>/dev/null | awk '/latency average/ {print $4}'; }
restore() {
    as_owner "DROP POLICY IF EXISTS household_read ON household; DROP POLICY IF EXISTS volunteer_read ON volunteer;
              DROP POLICY IF EXISTS request_read ON escort_request"
}
trap restore EXIT
for role in "$@"; do
    for query in open households volunteers statistics; do
        as_owner "CREATE POLICY household_read ON household FOR SELECT USING (true);
                  CREATE POLICY volunteer_read ON volunteer FOR SELECT USING (true);
                  CREATE POLICY request_read ON escort_request FOR SELECT USING (true)"
        before=$(latency "$role" "$query-before.sql")
        restore
        after=$(latency "$role" "$query-after.sql")
        printf '%-12s %-11s before %8s ms   after %8s ms\n' "$role" "$query" "$before" "$after"
    done
done
