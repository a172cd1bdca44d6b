import GRDB

extension Schema {
    /// Who answered a 转人工 request and with what words; who handled an incident and how.
    static func registerStaffRecordHandling(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-staff-record-handling") { db in
            try db.execute(sql: """
                ALTER TABLE handoffs ADD COLUMN answer TEXT;
                ALTER TABLE incidents ADD COLUMN handled_by TEXT;
                ALTER TABLE incidents ADD COLUMN handled_note TEXT;
                """)
        }
    }
}
