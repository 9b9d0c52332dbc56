import Foundation

/// The words of vehicle bookings beyond the status: why a center cannot take an escort, and
/// the call to make before a deadline.
extension DomainPhrases {
    /// "바우처택시: 일요일 운행 안 함", "바우처택시: 07:00–18:00 밖(19:30)".
    public static func serviceGap(_ gap: ServiceGap) -> Phrase {
        switch gap {
        case .closedDay(let center, let weekday):
            let day = DomainPhrases.weekday(weekday)
            return Phrase(ko: "\(center): \(day.ko)요일 운행 안 함", en: "\(center): does not run on \(day.en)")
        case .outsideHours(let center, let time, let opens, let closes):
            let hours = "\(opens)–\(closes)"
            let at = time.minutes >= 24 * 60 ? "" : " (\(time))"
            return Phrase(ko: "\(center): 운행 시간 \(hours) 밖\(at)", en: "\(center): outside its hours \(hours)\(at)")
        }
    }

    /// "착한수레 1666-0420, 12-09 17:00까지" — whom to call and by when.
    public static func bookingCall(_ rule: VehicleRule, deadline: Date, calendar: Calendar) -> Phrase {
        let day = CivilDate(deadline, calendar: calendar)
        let when = zeroPadded(day.month, 2) + "-" + zeroPadded(day.day, 2) + " " + ClockTime(deadline, calendar: calendar).description
        let phone = rule.phone.isEmpty ? "" : " \(rule.phone)"
        return Phrase(ko: "\(rule.name)\(phone), \(when)까지", en: "\(rule.name)\(phone), by \(when)")
    }
}

extension DomainPhrases {
    /// A transport in a word, for a narrow column beside its booking.
    public static func transportShort(_ transport: Transport) -> Phrase {
        switch transport {
        case .centerVehicle: Phrase(ko: "센터", en: "ctr")
        case .taxi: Phrase(ko: "택시", en: "cab")
        default: DomainPhrases.transport(transport)
        }
    }

    /// A booking's status in a word, for a narrow column.
    public static func bookingShort(_ status: BookingStatus) -> Phrase {
        switch status {
        case .toBook: Phrase(ko: "미예약", en: "open")
        case .requested: Phrase(ko: "요청", en: "asked")
        case .confirmed: Phrase(ko: "확정", en: "booked")
        case .refused: Phrase(ko: "거절", en: "refused")
        case .notNeeded: Phrase(ko: "불필요", en: "n/a")
        }
    }
}
