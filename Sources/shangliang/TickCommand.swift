import ArgumentParser
import Foundation
import Office

/// `shangliang tick`: the clock's work once: escalations past a time limit (督办 to the
/// secretary), rating reminders, closing unrated cases. The chat and the gateway run it
/// themselves; run this from cron when neither is running.
struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tick",
        abstract: "Process due escalations and rating reminders now; print the notifications written.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let office = try options.makeOffice(logger: GlobalOptions.stderrLogger("shangliang.tick"))
        let notifications = try office.tick()
        for notification in notifications {
            print("→ \(notification.recipientUserID)：\(notification.text)")
        }
        print("\(notifications.count) 条通知已放入待发送队列。")
    }
}
