import HonsimCore

/// After a refused booking: the other transports in a list, Enter changes the request's
/// transport to the one chosen, Esc keeps it.
public enum TransportKey: String, DialogAction {
    case choose
    case keep

    public static let table = "transport"
    public static let heading = Phrase(ko: "교통수단 바꾸기 (차량 예약 거절 후)", en: "Change of transport (after a refused booking)")
    public var defaultKeys: [Key] {
        switch self {
        case .choose: [.enter]
        case .keep: [.escape, .character("q")]
        }
    }
    public var phrase: Phrase {
        switch self {
        case .choose: Phrase(ko: "이 교통수단으로 바꾸기", en: "change to this transport")
        case .keep: Phrase(ko: "바꾸지 않고 닫기", en: "keep the transport, close")
        }
    }
}
