import Office

/// `Office.Notification` by a name that neither `Foundation.Notification` nor the class
/// `Office` (which shadows the module name) gets in the way of. No Foundation import here.
typealias OfficeNotification = Notification
