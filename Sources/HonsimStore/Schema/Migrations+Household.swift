/// The household's own record: what issue 14's run sheets and call list need of it that it did
/// not hold.
extension Schema {
    /// 22: the family contact (보호자·가족 연락처): a name, the relation and a phone. As personal as
    /// the household's name and phone: on PostgreSQL `seen_household` masks the name and the
    /// phone by the one rule wherever the role may not see the household in full, exactly as it
    /// masks the household's; the relation (딸, 이웃) names nobody and is read by every role.
    /// New columns go at the end of the view, which is what CREATE OR REPLACE VIEW allows.
    static let householdFamilyContact = Migration("22: household family contact", [
        .same("ALTER TABLE household ADD COLUMN family_name TEXT NOT NULL DEFAULT ''"),
        .same("ALTER TABLE household ADD COLUMN family_relation TEXT NOT NULL DEFAULT ''"),
        .same("ALTER TABLE household ADD COLUMN family_phone TEXT NOT NULL DEFAULT ''"),
        .postgresOnly(because: """
            a SQLite file has no login roles: whoever can open the file reads all of it, and the screen masks what the \
            person's role may not see
            """, """
            CREATE OR REPLACE VIEW seen_household AS SELECT id, dong_code,
                CASE WHEN \(full) THEN name ELSE honsim_mask_name(name) END AS name,
                birth_year, gender,
                CASE WHEN \(full) THEN phone ELSE honsim_mask_phone(phone) END AS phone,
                CASE WHEN \(full) THEN address ELSE honsim_mask_address(address) END AS address,
                mobility, needs, preferred_volunteer_gender, case_manager, consent_date,
                CASE WHEN \(full) THEN notes ELSE '' END AS notes,
                closed, version, updated_at, updated_by, closed_at, purged_at,
                CASE WHEN \(full) THEN family_name ELSE honsim_mask_name(family_name) END AS family_name,
                family_relation,
                CASE WHEN \(full) THEN family_phone ELSE honsim_mask_phone(family_phone) END AS family_phone
            FROM household
            """),
    ])
}
