import Foundation

/// The day before's words, in Korean and English, for the call list, the command line and
/// the request's details alike.
extension DomainPhrases {
    public static func party(_ party: ContactParty) -> Phrase {
        switch party {
        case .volunteer: Phrase(ko: "봉사자", en: "volunteer")
        case .household: Phrase(ko: "대상자", en: "household")
        case .family: Phrase(ko: "가족", en: "family")
        case .center: Phrase(ko: "센터", en: "center")
        }
    }

    public static func result(_ result: ContactResult) -> Phrase {
        switch result {
        case .confirmed: Phrase(ko: "확인", en: "confirmed")
        case .noAnswer: Phrase(ko: "부재", en: "no answer")
        case .leftMessage: Phrase(ko: "메시지 남김", en: "left a message")
        case .askedToChange: Phrase(ko: "변경 요청", en: "asked to change")
        case .cancelled: Phrase(ko: "취소 요청", en: "cancelled")
        }
    }

    public static func readiness(_ readiness: Readiness) -> Phrase {
        switch readiness {
        case .needsAction: Phrase(ko: "조치 필요", en: "needs action")
        case .noVolunteer: Phrase(ko: "봉사자 없음", en: "no volunteer")
        case .unreached: Phrase(ko: "미확인", en: "unreached")
        case .ready: Phrase(ko: "준비됨", en: "ready")
        }
    }

    public static func booking(_ status: BookingStatus) -> Phrase {
        switch status {
        case .toBook: Phrase(ko: "예약 필요", en: "to book")
        case .requested: Phrase(ko: "예약 요청", en: "requested")
        case .confirmed: Phrase(ko: "예약 확정", en: "confirmed")
        case .refused: Phrase(ko: "예약 거절", en: "refused")
        case .notNeeded: Phrase(ko: "필요 없음", en: "not needed")
        }
    }

    /// The day at a glance: "17건 중 14건 준비, 미확인 2, 조치 1, 차량 예약 1".
    public static func summary(_ summary: EscortDay.Summary, language: Language) -> String {
        var parts: [String]
        if language == .ko {
            parts = ["\(summary.total)건 중 \(summary.ready)건 준비", "미확인 \(summary.unreached)"]
            if summary.needsAction > 0 { parts.append("조치 필요 \(summary.needsAction)") }
            if summary.noVolunteer > 0 { parts.append("봉사자 없음 \(summary.noVolunteer)") }
            if summary.vehiclesToBook > 0 { parts.append("차량 예약 \(summary.vehiclesToBook)") }
        } else {
            parts = ["\(summary.ready) of \(summary.total) ready", "\(summary.unreached) unreached"]
            if summary.needsAction > 0 { parts.append("\(summary.needsAction) need action") }
            if summary.noVolunteer > 0 { parts.append("\(summary.noVolunteer) without volunteer") }
            if summary.vehiclesToBook > 0 { parts.append("\(summary.vehiclesToBook) vehicle(s) to book") }
        }
        return parts.joined(separator: ", ")
    }

    /// One side's calls in a word: "확인", "부재 2회", "-".
    public static func side(_ side: CallSides.Side, language: Language) -> String {
        if side.confirmed { return result(.confirmed).text(language) }
        guard let last = side.last else { return "-" }
        let word = result(last).text(language)
        guard side.attempts > 1 else { return word }
        return language == .ko ? "\(word) \(side.attempts)회" : "\(word) ×\(side.attempts)"
    }
}
