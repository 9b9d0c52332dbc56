extension Schema {
    /// 26: who the role is, answered from a plan the session keeps. Every masked column of the
    /// `seen_` views and every row-level policy asks `honsim_is_admin()` (and, for a
    /// coordinator, `honsim_coordinator_dongs()`) once per statement, in a scalar subquery of
    /// its own: one household read is six such questions for an admin and twelve for a
    /// coordinator. As SQL functions with their own `search_path`, which PostgreSQL cannot
    /// inline, each question planned its query afresh, about 0.08 ms, so reading one household
    /// took about 1 ms. As PL/pgSQL the query's plan is kept for the session and each question
    /// is a few microseconds (one household 0.08–0.11 ms on the city copy, against 0.33–0.6).
    /// What they answer is unchanged: the same queries, read afresh at every call, so a change
    /// of role or dongs in `users` counts from the next statement, as before.
    static let whoAsksOncePlanned = Migration("26: who the role is, planned once a session", [
        .postgresOnly(because: "a SQLite file has no login roles, and so no policies or masked views to ask", """
            CREATE OR REPLACE FUNCTION honsim_is_admin() RETURNS boolean LANGUAGE plpgsql STABLE SET search_path = public AS $$
            BEGIN
                RETURN EXISTS (SELECT 1 FROM users WHERE name = current_user AND role = 'admin')
                    OR pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'users'::regclass), 'MEMBER');
            END
            $$
            """, """
            CREATE OR REPLACE FUNCTION honsim_coordinator_dongs() RETURNS text[] LANGUAGE plpgsql STABLE SET search_path = public AS $$
            BEGIN
                RETURN coalesce((SELECT string_to_array(dongs, ',') FROM users WHERE name = current_user AND role = 'coordinator'), '{}');
            END
            $$
            """),
    ])
}
