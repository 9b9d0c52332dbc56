import Testing
@testable import HonsimCore

@Suite("Lifecycle")
struct LifecycleTests {
    /// The whole state machine written out by hand: every legal move and its target.
    /// A pair missing from this table must be refused.
    static let legal: [RequestStatus: [LifecycleAction: RequestStatus]] = [
        .pending: [.assign: .assigned, .cancel: .cancelled],
        .assigned: [.confirm: .confirmed, .release: .pending, .cancel: .cancelled, .noShow: .noShow],
        .confirmed: [.start: .inProgress, .release: .pending, .cancel: .cancelled, .noShow: .noShow],
        .inProgress: [.complete: .completed],
        .completed: [:],
        .cancelled: [:],
        .noShow: [:],
    ]

    @Test("the expected table covers every status")
    func tableCoversEveryStatus() {
        #expect(Set(Self.legal.keys) == Set(RequestStatus.allCases))
        #expect(RequestStatus.allCases.count == 7)
        #expect(LifecycleAction.allCases.count == 7)
        // 2 + 4 + 4 + 1 legal moves; the other 49 - 11 = 38 are illegal.
        #expect(Self.legal.values.map(\.count).reduce(0, +) == 11)
    }

    @Test("every status × action pair is legal with the right target or throws IllegalMove",
          arguments: RequestStatus.allCases)
    func everyPair(status: RequestStatus) {
        for action in LifecycleAction.allCases {
            if let target = Self.legal[status]?[action] {
                #expect(throws: Never.self, "\(status) --\(action)--> \(target) should be legal") {
                    let next = try Lifecycle.next(from: status, by: action)
                    #expect(next == target, "\(status) --\(action)--> expected \(target), got \(next)")
                }
            } else {
                #expect(throws: IllegalMove(from: status, action: action), "\(status) --\(action)--> should be illegal") {
                    try Lifecycle.next(from: status, by: action)
                }
            }
        }
    }

    @Test("the happy path walks pending to completed")
    func happyPath() throws {
        var status = RequestStatus.pending
        for action: LifecycleAction in [.assign, .confirm, .start, .complete] {
            status = try Lifecycle.next(from: status, by: action)
        }
        #expect(status == .completed)
        #expect(status.isEnd)
    }

    @Test("a released request can be assigned again")
    func releaseThenAssign() throws {
        let released = try Lifecycle.next(from: .confirmed, by: .release)
        #expect(released == .pending)
        #expect(try Lifecycle.next(from: released, by: .assign) == .assigned)
    }

    @Test("an in-progress escort cannot be cancelled, released or marked no-show")
    func inProgressIsCommitted() {
        for action: LifecycleAction in [.cancel, .release, .noShow, .assign, .confirm, .start] {
            #expect(throws: IllegalMove.self) { try Lifecycle.next(from: .inProgress, by: action) }
        }
    }

    @Test("IllegalMove describes the move in words")
    func illegalMoveDescription() {
        let move = IllegalMove(from: .inProgress, action: .noShow)
        #expect(move.description == "cannot no-show a request that is in progress")
        #expect(IllegalMove(from: .completed, action: .cancel).description == "cannot cancel a request that is completed")
    }

    @Test("actions(from:) lists exactly the legal actions, in allCases order", arguments: RequestStatus.allCases)
    func actionsFrom(status: RequestStatus) {
        let expected = LifecycleAction.allCases.filter { Self.legal[status]?[$0] != nil }
        #expect(Lifecycle.actions(from: status) == expected)
    }

    @Test("actions(from:) spelled out")
    func actionsSpelledOut() {
        #expect(Lifecycle.actions(from: .pending) == [.assign, .cancel])
        #expect(Lifecycle.actions(from: .assigned) == [.confirm, .release, .cancel, .noShow])
        #expect(Lifecycle.actions(from: .confirmed) == [.start, .release, .cancel, .noShow])
        #expect(Lifecycle.actions(from: .inProgress) == [.complete])
        #expect(Lifecycle.actions(from: .completed).isEmpty)
        #expect(Lifecycle.actions(from: .cancelled).isEmpty)
        #expect(Lifecycle.actions(from: .noShow).isEmpty)
    }

    @Test("holdsVolunteer only while assigned, confirmed or in progress")
    func holdsVolunteer() {
        let holding: Set<RequestStatus> = [.assigned, .confirmed, .inProgress]
        for status in RequestStatus.allCases {
            #expect(status.holdsVolunteer == holding.contains(status), "\(status)")
        }
    }

    @Test("isEnd exactly for the statuses with no way out")
    func isEnd() {
        let ends: Set<RequestStatus> = [.completed, .cancelled, .noShow]
        for status in RequestStatus.allCases {
            #expect(status.isEnd == ends.contains(status), "\(status)")
            #expect(status.isEnd == Lifecycle.actions(from: status).isEmpty, "\(status)")
        }
    }

    @Test("isConsistent: which statuses need a volunteer")
    func isConsistent() {
        let needsVolunteer: Set<RequestStatus> = [.assigned, .confirmed, .inProgress, .completed, .noShow]
        for status in RequestStatus.allCases {
            let needs = needsVolunteer.contains(status)
            #expect(Lifecycle.isConsistent(status: status, hasVolunteer: needs), "\(status) with volunteer=\(needs)")
            #expect(!Lifecycle.isConsistent(status: status, hasVolunteer: !needs), "\(status) with volunteer=\(!needs)")
        }
    }

    @Test("RequestStatus(word:) reads raw values, Korean words and hyphens")
    func statusWords() {
        let cases: [(String, RequestStatus)] = [
            ("pending", .pending), ("assigned", .assigned), ("confirmed", .confirmed),
            ("in_progress", .inProgress), ("in-progress", .inProgress), ("IN_PROGRESS", .inProgress),
            ("completed", .completed), ("cancelled", .cancelled),
            ("no_show", .noShow), ("no-show", .noShow), ("No-Show", .noShow), (" no-show ", .noShow),
            ("대기", .pending), ("배정", .assigned), ("확정", .confirmed),
            ("진행중", .inProgress), ("동행중", .inProgress), ("완료", .completed),
            ("취소", .cancelled), ("불참", .noShow), ("노쇼", .noShow),
        ]
        for (word, status) in cases {
            #expect(RequestStatus(word: word) == status, "'\(word)'")
        }
        for word in ["", "done", "noshow", "진행", "canceled"] {
            #expect(RequestStatus(word: word) == nil, "'\(word)' should not parse")
        }
    }

    @Test("every status's Korean phrase reads back as that status", arguments: RequestStatus.allCases)
    func phraseRoundTrip(status: RequestStatus) {
        #expect(RequestStatus(word: DomainPhrases.status(status).ko) == status)
        #expect(RequestStatus(word: status.rawValue) == status)
    }
}
