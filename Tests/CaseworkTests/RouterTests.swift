import Foundation
import Rules
import Testing
@testable import Casework

@Suite struct RouterTests {
    let router = Fixture.router

    @Test func corridorClutterGoesToTheBuildingsSteward() {
        let decision = router.route(Fixture.draft("public-space", building: 3))
        #expect(decision.role == .steward)
        #expect(decision.personUserID == "staff:s3")
        #expect(!decision.needsTriage)
        #expect(decision.reason.contains("公共空间"))
        #expect(decision.reason.contains("3栋"))
        #expect(decision.reason.contains("孙三"))
        #expect(decision.reason.contains("甲网格"))
    }

    @Test func aStairwellWithItsOwnStewardGetsThatSteward() {
        #expect(router.route(Fixture.draft("public-space", building: 3, unit: 2)).personUserID == "staff:s3b")
        #expect(router.route(Fixture.draft("public-space", building: 3, unit: 1)).personUserID == "staff:s3")
    }

    @Test func leakingRoofGoesToPropertyWithTheStewardInformed() {
        let decision = router.route(Fixture.draft("facilities", building: 2))
        #expect(decision.role == .property)
        #expect(decision.personUserID == "staff:wang")
        #expect(decision.informedUserIDs == ["staff:s2"])
        #expect(decision.reason.contains("同时告知"))
    }

    @Test func aSubtopicOverridesOwnerUrgencyAndMeeting() {
        let decision = router.route(Fixture.draft("facilities", subtopic: "add-lift", building: 2))
        #expect(decision.role == .serviceOfficer)
        #expect(decision.personUserID == "staff:wu")
        #expect(decision.urgency == .complex)
        #expect(decision.needsMeeting)
        // Sub-topic without its own inform list keeps the category's.
        #expect(decision.informedUserIDs == ["staff:s2"])
        let room = router.route(Fixture.draft("public-space", subtopic: "activity-room", building: 2))
        #expect(room.role == .residentsCommittee)
        #expect(room.informedUserIDs.isEmpty)
    }

    @Test func noPlaceMeansTheRoleAndTriage() {
        let decision = router.route(Fixture.draft("public-space", building: nil))
        #expect(decision.role == .steward)
        #expect(decision.personUserID == nil)
        #expect(decision.needsTriage)
        #expect(decision.triageUserIDs == ["staff:feng"])
        #expect(decision.reason.contains("没有说明楼栋"))
    }

    @Test func anUnknownBuildingNeedsTriage() {
        let decision = router.route(Fixture.draft("public-space", building: 99))
        #expect(decision.needsTriage)
        #expect(decision.personUserID == nil)
        #expect(decision.reason.contains("99栋"))
    }

    @Test func aRoleWithFixedPeopleNeedsNoPlace() {
        let decision = router.route(Fixture.draft("neighbourhood", building: nil))
        #expect(decision.role == .mediation)
        #expect(decision.personUserID == "staff:zheng")
        #expect(!decision.needsTriage)
        #expect(decision.informedUserIDs.isEmpty)  // the steward is unknown without a building
    }

    @Test func sanitationInformsStewardAndGridWorker() {
        let decision = router.route(Fixture.draft("sanitation", building: 5))
        #expect(decision.informedUserIDs == ["staff:s5", "staff:zhang-wei"])
    }

    @Test func anUnroutedCategoryGoesToTriage() {
        let decision = router.route(Fixture.draft("mystery", building: 1))
        #expect(decision.role == .residentsCommittee)
        #expect(decision.personUserID == "staff:feng")
        #expect(decision.needsTriage)
        #expect(decision.triageUserIDs.isEmpty)  // the triage person is already the owner
        #expect(decision.reason.contains("没有派单规则"))
    }

    @Test func urgencyIsTheMoreDemandingOfDraftAndRoute() {
        #expect(router.route(Fixture.draft("parking", subtopic: "fire-lane")).urgency == .urgent)
        #expect(router.route(Fixture.draft("parking")).urgency == .general)
        #expect(router.route(Fixture.draft("parking", urgency: .urgent)).urgency == .urgent)
        #expect(router.route(Fixture.draft("parking", urgency: .complex)).urgency == .complex)
        #expect(router.route(Fixture.draft("facilities", subtopic: "add-lift", urgency: .urgent)).urgency == .urgent)
    }

    @Test func emergenciesGoToTheGridWorkerWithTheSecretaryInformed() {
        let decision = router.route(Fixture.draft("emergency", building: 6))
        #expect(decision.role == .gridWorker)
        #expect(decision.personUserID == "staff:zhang-wei")
        #expect(decision.informedUserIDs == ["staff:chen"])
        #expect(decision.urgency == .urgent)
    }

    @Test func reassignToARoleOrAPerson() {
        let draft = Fixture.draft("public-space", building: 1)
        let toMediation = router.route(draft, to: .mediation)
        #expect(toMediation.role == .mediation)
        #expect(toMediation.personUserID == "staff:zheng")
        let toPerson = router.route(draft, toUserID: "staff:sun")
        #expect(toPerson?.role == .property)
        #expect(toPerson?.personUserID == "staff:sun")
        #expect(toPerson?.reason.contains("孙慧") == true)
        #expect(router.route(draft, toUserID: "wx:nobody") == nil)
    }

    @Test func placesAreDescribedInChinese() {
        #expect(CasePlace.describe(CasePlace(area: "东区", building: 3, unit: 2, room: "501", spot: "门口")) == "东区3栋2单元501 门口")
        #expect(CasePlace.describe(CasePlace()) == "未说明地点")
    }
}

@Suite struct RouterAlertTests {
    let router = Fixture.router

    @Test func emergenciesAlertTheGridWorkerStewardAndSecretary() {
        #expect(router.emergencyRecipients(for: CasePlace(building: 5)) == ["staff:zhang-wei", "staff:s5", "staff:chen"])
        #expect(router.emergencyRecipients(for: CasePlace(building: 3, unit: 2)) == ["staff:li-na", "staff:s3b", "staff:chen"])
        #expect(router.emergencyRecipients(for: CasePlace()) == ["staff:li-na", "staff:zhang-wei", "staff:chen"])
    }

    @Test func handoffsGoToTheSecretaryOrTheTriageLead() {
        #expect(router.handoffRecipients(reason: "secretary") == ["staff:chen"])
        #expect(router.handoffRecipients(reason: "asked") == ["staff:feng"])
    }

    @Test func aFiledRecordIsDispatchedBySystem() throws {
        // Office's flow: the Store inserts the record (state new, `filed` event), then routes it.
        let record = CaseRecord(number: "2026-0042", draft: Fixture.draft("facilities", building: 2), filedBy: "wx:r", filedAt: Fixture.at(11, 2, 9))
        let outcome = try Fixture.lifecycle.apply(.dispatch(router.route(record.draft)), to: record, by: .system, at: record.filedAt)
        #expect(outcome.record.state == .dispatched)
        #expect(outcome.events.map(\.kind) == [.dispatched])
        #expect(outcome.notices.map(\.recipientUserID) == ["staff:wang", "staff:s2", "wx:r"])
    }
}
