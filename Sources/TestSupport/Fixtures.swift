public import Conversation
public import Foundation
public import Rules

/// Paths and data shared by the test targets.
public enum Fixtures {
    /// The package root, found from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped rules directory.
    public static var rulesDirectory: URL { packageRoot.appendingPathComponent("rules") }

    /// The shipped reply templates (`rules/replies.yaml`); traps if they do not load.
    public static func replies() -> ReplyTemplates {
        do {
            return try ReplyTemplates.load(contentsOf: rulesDirectory.appendingPathComponent("replies.yaml").path).templates
        } catch {
            preconditionFailure("rules/replies.yaml does not load:\n\(error)")
        }
    }

    /// A hand-made catalog of the twelve categories and emergencies (the dialogue tests do not
    /// depend on the rule files' wording).
    public static let catalog = DialogueCatalog([
        CategoryProfile(id: "sanitation", kind: .discussable, title: "环境卫生", owners: [.property, .steward], asks: [.place, .detail, .since]),
        CategoryProfile(id: "public-space", kind: .discussable, title: "公共空间", owners: [.steward, .residentsCommittee], asks: [.place, .detail]),
        CategoryProfile(
            id: "parking", kind: .discussable, title: "停车管理", owners: [.property, .ownersCommittee], asks: [.place, .detail],
            subtopics: [SubtopicProfile(id: "fire-lane", title: "消防通道", owners: [.property])]),
        CategoryProfile(
            id: "facilities", kind: .discussable, title: "设施维修", owners: [.property], asks: [.place, .detail, .since, .households],
            subtopics: [
                SubtopicProfile(id: "lift", title: "电梯", owners: [.property]),
                SubtopicProfile(id: "renovation", title: "老旧小区改造", owners: [.serviceOfficer]),
            ]),
        CategoryProfile(id: "property-service", kind: .discussable, title: "物业服务", owners: [.ownersCommittee, .branch], asks: [.detail]),
        CategoryProfile(id: "neighbourhood", kind: .discussable, title: "邻里关系", owners: [.mediation, .steward], asks: [.place, .detail, .since]),
        CategoryProfile(id: "community-life", kind: .discussable, title: "文体活动与便民服务", owners: [.residentsCommittee], asks: [.detail]),
        CategoryProfile(id: "statutory", kind: .nonDiscussable, title: "国家明文规定", explanation: "违建等事项由法律法规明确规定。", redirect: "请联系社区服务专员或拨打12345。"),
        CategoryProfile(id: "unfair", kind: .nonDiscussable, title: "明显不公平", explanation: "只照顾少数人的提议对其他居民不公平。", redirect: "可以换个对大家都公平的提法。"),
        CategoryProfile(id: "privacy", kind: .nonDiscussable, title: "个人隐私与秘密", explanation: "他人的住址、电话属于个人隐私。", redirect: "如有纠纷可以找调解室。"),
        CategoryProfile(id: "beyond-remit", kind: .nonDiscussable, title: "超出社区职权", explanation: "欠薪属于劳动保障部门职责。", redirect: "请拨打12345或找社区律师。"),
        CategoryProfile(id: "public-order", kind: .nonDiscussable, title: "违背公序良俗", explanation: "赌博违法。", redirect: "违法行为请报110。"),
        CategoryProfile(
            id: "emergency", kind: .emergency, title: "紧急情况",
            subtopics: [
                SubtopicProfile(id: "fire", title: "火情", number: "119", advice: "请立即拨打119，沿楼梯撤离，不要乘电梯。"),
                SubtopicProfile(id: "medical", title: "急病", number: "120", advice: "请立即拨打120，不要随意搬动病人。"),
            ]),
    ])
}
