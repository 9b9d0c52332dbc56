import Foundation
import HonsimCore
import Testing
@testable import HonsimStore
@testable import HonsimTUI

/// The dashboard as each role sees it: what is masked, what goes to the access log, and the
/// role and dongs on screen.
@Suite("Roles in the dashboard", .serialized)
struct RoleDashboardTests {
    let store: SQLiteStore
    let folder: URL

    init() async throws {
        (store, folder) = try await DemoDashboard.store()
    }

    func state(_ access: Access, width: Int = 120, height: Int = 40, language: Language = .ko) async throws -> AppState {
        try await DemoDashboard.state(width: width, height: height, language: language, store: store, access: access)
    }

    /// The dong of the first open request, and a coordinator of it alone.
    func coordinator() async throws -> (Access, String) {
        let admin = try await state(.unrestricted(user: "kim"))
        let dong = try #require(admin.visibleRequests.first?.dongCode)
        return (Access(user: "park", role: .coordinator, dongCodes: [dong]), dong)
    }

    func household(_ request: EscortRequest, in state: AppState) throws -> Household {
        try #require(state.data?.households[request.householdID])
    }

    @Test func aCoordinatorSeesInFullOnlyTheHouseholdsOfTheirDongs() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (access, dong) = try await coordinator()
        let state = try await state(access)
        #expect(state.scope.isEmpty, "every dong on screen, to show that the role, not the view, masks")
        var inside = 0, outside = 0
        for request in state.visibleRequests {
            let household = try household(request, in: state)
            if request.dongCode == dong {
                #expect(state.householdName(household) == household.name)
                inside += 1
            } else {
                #expect(state.householdName(household) == Masking.name(household.name))
                outside += 1
            }
        }
        #expect(inside > 0 && outside > 0)
    }

    @Test func openingAHouseholdInFullIsLoggedAndAMaskedOneIsNot() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (access, dong) = try await coordinator()
        let start = try await state(access)
        // The first request is in the coordinator's dong: shown in full, and logged.
        let own = try #require(start.visibleRequests.first)
        let (opening, effects) = press(start, .enter)
        #expect(effects == [.loadDetails(householdID: own.householdID, requestID: own.id)])
        // Nothing of the household is on screen until the store has read it and logged the view.
        let phone = try household(own, in: start).phone
        #expect(!phone.isEmpty && !renderFrame(opening, theme: .mono).text.contains(phone))
        #expect(try await store.auditLog(in: nil, limit: 1).first?.action != "view")
        let opened = try await settle(opening, effects, store: store)
        #expect(renderFrame(opened, theme: .mono).text.contains(phone))
        let logged = try #require(try await store.auditLog(in: nil, limit: 1).first)
        #expect(logged.action == "view" && logged.entityID == String(own.householdID) && logged.after == "{\"from\":\"dashboard\",\"request\":\(own.id)}")

        // One outside it: masked, and nothing to log.
        let index = try #require(start.visibleRequests.firstIndex { $0.dongCode != dong })
        var other = start
        other.selection[.requests] = index
        let (masked, none) = press(other, .enter)
        #expect(none.isEmpty)
        let household = try household(start.visibleRequests[index], in: start)
        let text = renderFrame(masked, theme: .mono).text
        #expect(text.contains(Masking.name(household.name)) && text.contains(Masking.phone(household.phone)))
        #expect(!text.contains(household.phone))
    }

    /// The household page (`h`): the store's read that returns it in full writes the view to
    /// the access log; a masked screen asks for it masked, and nothing is logged.
    @Test func theHouseholdPageIsLoggedByTheReadThatReturnsIt() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (access, _) = try await coordinator()
        let start = try await state(access)
        let own = try #require(start.visibleRequests.first)
        let (opening, effects) = press(start, .character("h"))
        #expect(effects == [.records(.loadHousehold(own.householdID, reveal: .full(requestID: nil)))])
        let phone = try household(own, in: start).phone
        #expect(!renderFrame(opening, theme: .mono).text.contains(phone))
        let before = try await store.auditLog(in: nil, limit: 1).first?.id
        let opened = try await settle(opening, effects, store: store)
        let logged = try #require(try await store.auditLog(in: nil, limit: 1).first)
        #expect(logged.id != before && logged.action == "view" && logged.entityID == String(own.householdID) && logged.after == "{\"from\":\"dashboard\"}")
        #expect(renderFrame(opened, theme: .mono).text.contains(phone))

        var masked = start
        masked.maskAll = true
        let (shown, maskedEffects) = press(masked, .character("h"))
        #expect(maskedEffects == [.records(.loadHousehold(own.householdID, reveal: .masked))])
        _ = try await settle(shown, maskedEffects, store: store)
        #expect(try await store.auditLog(in: nil, limit: 1).first?.id == logged.id)
    }

    @Test(arguments: [Access(user: "council", role: .viewer, dongCodes: []),
                      Access(user: "kim", role: .admin, readOnly: true)])
    func aViewerOrAReadOnlySessionSeesEveryNameMaskedAndLogsNothing(access: Access) async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try await state(access, width: 200, height: 60)
        let text = renderFrame(state, theme: .mono).text
        let shown = state.visibleRequests.prefix(40)
        #expect(shown.count == 40)
        for request in shown {
            let household = try household(request, in: state)
            #expect(state.householdName(household) == Masking.name(household.name))
            #expect(!text.contains(household.name), "\(household.name) is on a viewer's screen")
        }
        let (opened, effects) = press(state, .enter)
        #expect(effects.isEmpty)
        let details = renderFrame(opened, theme: .mono).text
        let first = try household(try #require(state.visibleRequests.first), in: state)
        #expect(!details.contains(first.name) && !details.contains(first.phone))
        // A masked name cannot be found by typing the full one.
        let filtered = type(press(state, .character("/")).0, first.name)
        #expect(filtered.visibleRequests.isEmpty)
    }

    @Test func theStatusBarShowsTheRoleAndTheDongs() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (access, dong) = try await coordinator()
        var two = access
        let second = try #require(try await store.dongs().dongs.first { $0.code != dong })
        two.dongCodes.insert(second.code)
        let names = try await store.dongs().dongs.filter { two.dongCodes.contains($0.code) }.map(\.name)
        let coordinator = renderFrame(try await state(two), theme: .mono)
        #expect(coordinator.line(39).contains("park · 코디네이터 \(names[0]) 외 1"))
        let english = renderFrame(try await state(two, language: .en), theme: .mono)
        #expect(english.line(39).contains("park · coordinator \(names[0]) +1"))
        let readOnly = try await state(Access(user: "kim", role: .admin, readOnly: true), width: 80, height: 24)
        assertSnapshot(renderFrame(readOnly, theme: .mono), named: "role-readonly-ko-80x24")
        let viewer = try await state(Access(user: "council", role: .viewer), language: .en)
        assertSnapshot(renderFrame(viewer, theme: .mono), named: "role-viewer-en-120x40")
    }

    @Test func refusalsSayWhyCalmly() {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Access(user: "kim", role: .admin, readOnly: true).refusal(dongNames: []).ko == "읽기 전용 화면이라 바꿀 수 없습니다")
        #expect(Access(user: "council", role: .viewer).refusal(dongNames: []).en == "viewers can look but not change")
        #expect(Access(user: "park", role: .coordinator).refusal(dongNames: ["석수2동", "충훈동"]).ko
                == "담당 동(석수2동, 충훈동)의 요청만 바꿀 수 있습니다")
        // Every key the dashboard has today only looks, so a viewer may press each of them.
        let viewer = Access(user: "council", role: .viewer)
        #expect(Action.allCases.allSatisfy { viewer.allows($0, dongCode: nil) == !$0.changesData })
    }
}

/// The keys that change data, for each role: refused calmly on screen, and by the store
/// whatever the screen lets through.
extension RoleDashboardTests {
    @Test func aViewerCanLookAtTheLogButNotAssignCreateOrPlan() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let viewer = try await state(Access(user: "council", role: .viewer, dongCodes: []))
        for key in ["a", "x", "n", "p", "u"] {
            let (refused, effects) = update(viewer, .key(.character(Character(key))))
            #expect(effects.isEmpty && refused.overlay == nil, "\(key)")
            #expect(refused.notice?.contains("열람자") == true, "\(key)")
        }
        #expect(!viewer.canUse(.assign) && !viewer.canUse(.newRequest))
        let (log, effects) = update(viewer, .key(.character("l")))
        guard case .activity = log.overlay else { Issue.record("the viewer cannot see the log"); return }
        #expect(!effects.isEmpty)
    }

    @Test func aCoordinatorAssignsInTheirDongsOnlyAndTheStoreAgrees() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (access, dong) = try await coordinator()
        try await store.addUser(name: "park", role: .coordinator, dongs: [dong], displayName: "박")
        let park = try SQLiteStore(path: store.location, user: "park", clock: { DemoDashboard.now })
        var state = try await DemoDashboard.state(width: 120, height: 40, store: park, access: access)
        // The first request is theirs: a and Enter assign it.
        let own = try #require(state.visibleRequests.first)
        #expect(own.dongCode == dong)
        state = try await press(state, store: park, .character("a"), .enter)
        #expect(try await park.request(id: own.id).status == .assigned)
        // Another dong's request: refused on screen.
        let other = try #require(state.visibleRequests.firstIndex { $0.dongCode != dong && $0.status == .pending })
        state.selection[.requests] = other
        let (refused, effects) = update(state, .key(.character("a")))
        #expect(effects.isEmpty && refused.notice != nil)
        // And by the store, for a write the screen never offered.
        let outside = state.visibleRequests[other]
        await #expect(throws: StoreError.self) {
            try await park.perform(.cancel, requestID: outside.id, details: ActionDetails(reason: "x"), expectedVersion: nil)
        }
        var draft = outside
        draft.appointmentAt = DemoDashboard.now.addingTimeInterval(5 * 86_400)
        draft.pickupAt = draft.appointmentAt.addingTimeInterval(-3600)
        await #expect(throws: StoreError.self) { try await park.createRequests([draft]) }
        #expect(try await park.request(id: outside.id).status == .pending)
    }
}
