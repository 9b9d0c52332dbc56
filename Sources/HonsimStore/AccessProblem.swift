import HonsimCore

/// Why the store refused someone, or refused a change to who may do what. Carries the names
/// (of the person, the dongs) so the message can say it in words, in either language.
public enum AccessProblem: Sendable, Hashable {
    /// The session opened the store read-only (`--readonly`, the kiosk).
    case readOnlySession
    /// A viewer tried to change something. `registered` is false for an OS user the store
    /// does not know, who is a viewer until an admin adds them.
    case viewer(user: String, registered: Bool)
    /// A coordinator tried to change (or open in full) something outside their dongs. `act`
    /// says what, as the sentence needs it: "요청 12번을 바꿀" / "change request 12".
    case outsideScope(user: String, act: Phrase, dongName: String, scope: [String])
    /// Something only an admin may do: managing users, loading or replacing the data.
    case adminOnly(user: String, role: Role, task: Phrase)
    case userExists(name: String)
    case noSuchUser(name: String)
    /// The last admin cannot be removed or given another role: nobody could manage the store.
    case lastAdmin(name: String)
    case unknownDong(name: String)
    case coordinatorNeedsDongs(name: String)
    /// An admin has every dong; a list of dongs for one is a mistake worth saying.
    case adminHasEveryDong(name: String)
    case invalidUserName(name: String)
    case unknownRole(word: String)

    public func message(_ language: Language) -> String {
        let ko = language == .ko
        switch self {
        case .readOnlySession:
            return ko ? "읽기 전용으로 연 화면이라 아무것도 바꿀 수 없습니다 (--readonly 또는 키오스크)"
                : "this session is read-only (--readonly or the kiosk) and cannot change anything"
        case .viewer(let user, let registered):
            if registered {
                return ko ? "\(user) 님은 열람자라 바꿀 수 없습니다" : "\(user) is a viewer and cannot change anything"
            }
            return ko ? "\(user) 님은 이 저장소의 사용자 목록에 없어 열람만 할 수 있습니다. 관리자에게 'honsim users add'를 요청하세요"
                : "\(user) is not among this store's users and may only view; ask an admin to run 'honsim users add'"
        case .outsideScope(let user, let act, let dong, let scope):
            let dongs = scope.joined(separator: ", ")
            return ko ? "\(user) 님은 \(dongs) 담당이라 \(dong)의 \(act.ko) 수 없습니다"
                : "\(user) coordinates \(dongs) and cannot \(act.en) in \(dong)"
        case .adminOnly(let user, let role, let task):
            return ko ? "\(task.ko): 관리자만 할 수 있습니다 (\(user) 님은 \(role.phrase.ko))"
                : "only an admin may \(task.en) (\(user) is a \(role.phrase.en))"
        case .userExists(let name):
            return ko ? "이미 있는 사용자입니다: \(name) (바꾸려면 'honsim users set')"
                : "user \(name) already exists; change them with 'honsim users set'"
        case .noSuchUser(let name):
            return ko ? "없는 사용자입니다: \(name) ('honsim users list'로 확인하세요)"
                : "no user \(name) in this store (see 'honsim users list')"
        case .lastAdmin(let name):
            return ko ? "\(name) 님은 마지막 관리자라 지우거나 역할을 바꿀 수 없습니다. 먼저 다른 관리자를 추가하세요"
                : "\(name) is the last admin and cannot be removed or given another role; add another admin first"
        case .unknownDong(let name):
            return ko ? "없는 동입니다: \(name) (--dongs)" : "no dong named \(name) (--dongs)"
        case .coordinatorNeedsDongs(let name):
            return ko ? "코디네이터에게는 담당 동이 있어야 합니다: --dongs를 주세요 (\(name))"
                : "a coordinator needs dongs: give --dongs (\(name))"
        case .adminHasEveryDong(let name):
            return ko ? "관리자는 모든 동을 맡으므로 --dongs가 필요 없습니다 (\(name))"
                : "an admin has every dong; --dongs does not apply (\(name))"
        case .invalidUserName(let name):
            return ko ? "사용자 이름이 올바르지 않습니다: '\(name)' (OS 사용자 이름: 공백·쉼표·제어 문자 없이 64자까지)"
                : "not a valid user name: '\(name)' (an OS user name: no spaces, commas or control characters, up to 64 characters)"
        case .unknownRole(let word):
            return ko ? "역할은 admin(관리자), coordinator(코디네이터), viewer(열람자), kiosk(키오스크) 중 하나입니다: '\(word)' (--role)"
                : "a role is admin, coordinator, viewer or kiosk, not '\(word)' (--role)"
        }
    }
}
