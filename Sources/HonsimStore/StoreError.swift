import Foundation
import HonsimCore

/// Everything the store can refuse, typed so the dashboard and the command line can say in
/// words what happened, who did it and when.
public enum StoreError: Error, Sendable, Equatable {
    case folderMissing(path: String)
    case notWritable(path: String)
    case notADatabase(path: String)
    case newerSchema(path: String, found: String)
    case cannotOpen(path: String, reason: String)
    /// Nothing at that path yet; `create` is the command that makes a store there.
    case noStoreYet(path: String, create: String)
    case notFound(entity: String, id: Int64)
    case illegalMove(requestID: Int64, IllegalMove)
    /// The request already has a volunteer: assigned by someone else first.
    case alreadyAssigned(requestID: Int64, volunteerName: String, by: String, at: Date)
    /// The volunteer is busy then with another escort (plus travel time).
    case doubleBooked(volunteerName: String, otherRequestID: Int64, span: TimeSpan)
    /// The volunteer fails rules; overridable ones may be accepted with an override.
    case excluded(volunteerName: String, [Exclusion])
    /// The row changed since it was read: optimistic concurrency lost.
    case staleWrite(entity: String, id: Int64, changedBy: String, changedAt: Date, nowStatus: String)
    case notEmpty(path: String)
    case invalidData([DataIssue])
    case busy(path: String)
    /// The database itself refused a change that broke an invariant.
    case integrity(reason: String)
    case cannotUndo(requestID: Int64, reason: UndoRefusal)
    /// The store's file went away while it was open (moved, deleted, a share unmounted).
    case storeGone(path: String)
    /// The acting person's role or dongs do not allow it, or a change to the users is unsound.
    case access(AccessProblem)
    /// The connection to a server store dropped (a restart, the network); honsim reconnects
    /// by itself, and a write that failed this way was not applied.
    case disconnected(location: String)
    /// `honsim migrate` copies into an empty store (or one holding the same copy) only.
    case migrationTargetHoldsOtherData(location: String)
    /// A household's or volunteer's record changed since the form read it (optimistic versions).
    case staleRecord(entity: String, id: Int64, changedBy: String, changedAt: Date)
    /// A new or edited record looks like one already kept (households: name, birth year and
    /// dong; volunteers: name and phone). Saving again with the duplicate allowed goes ahead.
    case likelyDuplicate(entity: String, existingID: Int64, name: String)
    /// A household cannot be closed while it has escorts still to happen.
    case openRequests(householdID: Int64, count: Int)
    /// `init --group NAME` names a group the system does not know.
    case noSuchGroup(name: String)
    /// A SQLite store on a network file system, opened for writing: SQLite's locks are not safe there.
    case networkFileSystem(path: String, kind: String)
    /// `honsim purge` would destroy what is still needed, or what cannot have been closed yet.
    case purgeRefused(PurgeRefusal)
    /// A backup or a restore that did nothing, and why.
    case backup(BackupProblem)
    /// A reminder for this escort, day and side already went out; sending again must be asked for.
    case alreadySent(requestID: Int64, party: String, day: String, at: Date)
    /// A call or a booking for an escort that has ended (completed, cancelled, no-show).
    case escortEnded(requestID: Int64, status: String)
    /// A confirmed vehicle booking without the center's reference.
    case bookingNeedsReference(requestID: Int64)
    /// New requests for a household that the council's rules refuse: each rule with its reason,
    /// and whether a coordinator may go ahead by override with a reason.
    case outsideCouncilRules(householdID: Int64, [RuleFinding])

    static func pastParticiple(_ action: LifecycleAction) -> String {
        switch action {
        case .assign: "assigned"
        case .confirm: "confirmed"
        case .start: "started"
        case .complete: "completed"
        case .release: "released"
        case .cancel: "cancelled"
        case .noShow: "marked no-show"
        }
    }

    /// One sentence in the chosen language, saying what went wrong and why.
    public func message(_ language: Language, calendar: Calendar) -> String {
        let time = { (date: Date) in ClockTime(date, calendar: calendar).description }
        let day = { (date: Date) in "\(CivilDate(date, calendar: calendar)) \(time(date))" }
        switch self {
        case .folderMissing(let path):
            return language == .ko ? "저장소 폴더가 없습니다: \(path)" : "the store's folder does not exist: \(path)"
        case .notWritable(let path):
            return language == .ko ? "저장소에 쓸 수 없습니다(권한 확인): \(path)" : "cannot write the store (check permissions): \(path)"
        case .notADatabase(let path):
            return language == .ko ? "SQLite 데이터베이스 파일이 아닙니다: \(path)" : "not a SQLite database: \(path)"
        case .newerSchema(let path, let found):
            return language == .ko
                ? "더 새로운 버전의 honsim이 만든 저장소입니다(\(found)). honsim을 업데이트하세요: \(path)"
                : "the store was made by a newer honsim (\(found)); update honsim to open it: \(path)"
        case .cannotOpen(let path, let reason):
            return language == .ko ? "저장소를 열 수 없습니다: \(path) (\(reason))" : "cannot open the store \(path): \(reason)"
        case .noStoreYet(let path, let create):
            return language == .ko
                ? "저장소를 열 수 없습니다: \(path) (아직 저장소가 없습니다. '\(create)'로 만들거나 --store로 있는 저장소를 가리키십시오)"
                : "cannot open the store \(path): no store there yet; make one with '\(create)', or point --store at one"
        case .notFound(let entity, let id):
            let ko = ["request": "요청", "volunteer": "봉사자", "household": "대상자"][entity] ?? entity
            return language == .ko ? "\(ko) \(id)번이 없습니다" : "no \(entity) with id \(id)"
        case .illegalMove(let id, let move):
            let from = DomainPhrases.status(move.from), action = DomainPhrases.action(move.action)
            return language == .ko
                ? "요청 \(id)번은 \(from.ko) 상태라 \(action.ko)할 수 없습니다"
                : "request \(id) is \(from.en) and cannot be \(StoreError.pastParticiple(move.action))"
        case .alreadyAssigned(let id, let name, let by, let at):
            return language == .ko
                ? "요청 \(id)번은 이미 \(name) 봉사자에게 배정되었습니다 (\(by), \(day(at)))"
                : "request \(id) is already assigned to \(name) by \(by) at \(day(at))"
        case .doubleBooked(let name, let other, let span):
            return language == .ko
                ? "\(name) 봉사자는 \(time(span.start))–\(time(span.end))에 요청 \(other)번 동행이 있어 겹칩니다(이동 시간 포함)"
                : "\(name) is busy \(time(span.start))–\(time(span.end)) with request \(other) (travel time included)"
        case .excluded(let name, let exclusions):
            let reasons = exclusions.map { DomainPhrases.exclusion($0, calendar: calendar).text(language) }.joined(separator: ", ")
            let overridable = exclusions.allSatisfy(\.isOverridable)
            return language == .ko
                ? "\(name) 봉사자는 배정할 수 없습니다: \(reasons)\(overridable ? " (확인 후 예외 배정 가능)" : "")"
                : "\(name) cannot be assigned: \(reasons)\(overridable ? " (an override is possible after confirming)" : "")"
        case .staleWrite(let entity, let id, let by, let at, let status):
            return language == .ko
                ? "그 사이 \(by)님이 \(day(at))에 변경했습니다(\(entity) \(id)번, 현재 \(status)). 새로 고친 뒤 다시 하세요"
                : "\(by) changed \(entity) \(id) at \(day(at)) (now \(status)); refresh and try again"
        case .notEmpty(let path):
            return language == .ko
                ? "저장소에 이미 자료가 있습니다. 덮어쓰려면 --force를 주세요: \(path)"
                : "the store already holds data; pass --force to replace it: \(path)"
        case .invalidData(let issues):
            let head = language == .ko ? "자료에 오류가 \(issues.count)건 있어 아무것도 넣지 않았습니다" : "nothing was loaded: \(issues.count) problem(s) in the data"
            return ([head] + issues.prefix(20).map { "  " + $0.description(language) }
                + (issues.count > 20 ? ["  …"] : [])).joined(separator: "\n")
        case .integrity(let reason):
            return language == .ko ? "저장소가 규칙에 어긋나는 변경을 거부했습니다: \(reason)" : "the store refused a change that breaks its rules: \(reason)"
        case .cannotUndo(let id, .nothingToUndo):
            return language == .ko ? "요청 \(id)번에는 되돌릴 변경이 없습니다" : "request \(id) has no change to undo"
        case .cannotUndo(let id, .someoneElses(let user, let at)):
            return language == .ko
                ? "요청 \(id)번의 마지막 변경은 \(user)님이 \(day(at))에 한 것이라 되돌릴 수 없습니다"
                : "the last change to request \(id) was made by \(user) at \(day(at)); only your own can be undone"
        case .storeGone(let path):
            return language == .ko
                ? "저장소 파일이 사라졌습니다(옮겨졌거나 지워졌거나 공유 폴더 연결이 끊김). 아무것도 저장하지 않았습니다: \(path)"
                : "the store's file is gone (moved, deleted, or its share disconnected); nothing was saved: \(path)"
        case .busy(let path):
            return language == .ko ? "저장소가 다른 작업으로 잠겨 있습니다. 잠시 후 다시 하세요: \(path)" : "the store is locked by another operation; try again shortly: \(path)"
        case .access(let problem):
            return problem.message(language)
        case .disconnected(let location):
            return language == .ko
                ? "저장소 연결이 끊겼습니다. 다시 연결하는 중입니다(저장되지 않음): \(location)"
                : "disconnected from the store, retrying (nothing was saved): \(location)"
        case .migrationTargetHoldsOtherData(let location):
            return language == .ko
                ? "옮길 저장소에 이미 다른 자료가 있어 아무것도 복사하지 않았습니다(빈 저장소로만 옮깁니다): \(location)"
                : "the target store already holds other data; nothing was copied (migrate copies into an empty store only): \(location)"
        case .staleRecord(let entity, let id, let by, let at):
            let ko = entity == "volunteer" ? "봉사자" : "대상자"
            return language == .ko
                ? "그 사이 \(by)님이 \(day(at))에 \(ko) \(id)번을 바꿨습니다. 두 내용을 비교해 고르세요"
                : "\(by) changed \(entity) \(id) at \(day(at)) meanwhile; compare both versions and choose"
        case .likelyDuplicate(let entity, let existingID, let name):
            let ko = entity == "volunteer" ? "봉사자(같은 이름·전화)" : "대상자(같은 이름·생년·동)"
            return language == .ko
                ? "이미 있는 \(ko)와 같아 보입니다: \(name) #\(existingID)"
                : "looks like an existing \(entity) (\(entity == "volunteer" ? "same name and phone" : "same name, birth year and dong")): \(name) #\(existingID)"
        case .openRequests(let id, let count):
            return language == .ko
                ? "대상자 \(id)번에 아직 끝나지 않은 요청이 \(count)건 있어 종결할 수 없습니다. 먼저 취소하거나 마치세요"
                : "household \(id) has \(count) request(s) still open; cancel or finish them before closing it"
        case .purgeRefused(.futureDate(let day)):
            return language == .ko
                ? "\(day)은 아직 오지 않은 날이라 파기하지 않았습니다. 오늘이나 지난 날짜를 --closed-before로 주세요"
                : "\(day) is still to come, so nothing was purged: give --closed-before today or a day past"
        case .purgeRefused(.openRequests(let id, let count)):
            return language == .ko
                ? "대상자 \(id)번은 종결되었지만 끝나지 않은 요청이 \(count)건 있어 아무것도 파기하지 않았습니다. 그 요청을 먼저 마치거나 취소하세요"
                : "household \(id) is closed but still has \(count) open request(s), so nothing was purged: finish or cancel them first"
        case .noSuchGroup(let name):
            return language == .ko
                ? "'\(name)' 그룹이 이 컴퓨터에 없어 아무것도 만들지 않았습니다. 'groupadd \(name)'으로 만들고 함께 쓸 사람을 넣은 뒤 다시 하세요"
                : "there is no group '\(name)' on this machine; nothing was made: create it with 'groupadd \(name)', add the people who share the store, and try again"
        case .networkFileSystem(let path, let kind):
            return language == .ko
                ? "저장소가 네트워크 파일 시스템(\(kind))에 있어 쓰기로 열지 않습니다. SQLite의 잠금이 거기서는 안전하지 않아 자료가 깨질 수 있으니, 여러 곳에서 함께 쓰려면 PostgreSQL 저장소(postgres://…)를 쓰고, 보기만 하려면 --readonly로 여세요: \(path)"
                : "the store is on a network file system (\(kind)), where SQLite's locks are not safe and the data can be corrupted, so it is not opened for writing: share a store between places with PostgreSQL (postgres://…), or only look with --readonly: \(path)"
        case .backup(let problem):
            return problem.message(language)
        case .alreadySent(let id, let party, let dayText, let at):
            return language == .ko
                ? "요청 \(id)번의 \(dayText) 안내 문자(\(party))는 \(day(at))에 이미 보냈습니다. 다시 보내려면 다시 보내기를 고르세요"
                : "the \(dayText) reminder for request \(id) (\(party)) was already sent at \(day(at)); choose resend to send it again"
        case .escortEnded(let id, let status):
            return language == .ko
                ? "요청 \(id)번은 이미 끝났습니다(\(status)). 통화나 차량 예약을 기록할 수 없습니다"
                : "request \(id) has ended (\(status)); no call or booking can be recorded for it"
        case .bookingNeedsReference(let id):
            return language == .ko
                ? "요청 \(id)번의 차량 예약을 확정하려면 센터의 예약 번호가 필요합니다"
                : "confirming the vehicle of request \(id) needs the center's booking reference"
        case .outsideCouncilRules(let id, let findings):
            return CouncilRulePhrases.refusal(householdID: id, findings).text(language)
        }
    }
}

/// A problem in input data, located by file, line and field.
public struct DataIssue: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var field: String
    public var message: Phrase

    public init(file: String, line: Int, field: String, message: Phrase) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public func description(_ language: Language) -> String {
        "\(file):\(line): \(field): \(message.text(language))"
    }
}
