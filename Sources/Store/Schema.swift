import GRDB

/// The versioned migrations, one registration per concern (see the `Schema+*.swift` files).
/// Never edit a registered migration: add a new one.
enum Schema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        registerMessages(&migrator)
        registerCases(&migrator)
        registerStaffRecords(&migrator)
        registerOutbox(&migrator)
        registerCaseLifecycle(&migrator)
        registerDedupe(&migrator)
        registerStaffRecordHandling(&migrator)
        return migrator
    }()
}
