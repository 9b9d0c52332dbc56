import Foundation

/// The return leg's own checks (a pickup at the hospital after the appointment, a sensible
/// length), decided once: the store applies them in its write, the dashboard's form as it is
/// typed, and both name the same field with the same words.
public enum ReturnLegRules {
    /// "When called": the time held for the volunteer, after the appointment.
    public static let heldWhenCalled: TimeInterval = 3600
    public static let minutes = 30...(8 * 60)
    public static let defaultMinutes = 90

    /// When the leg starts: the pickup on the appointment's day, or the time held when called.
    public static func pickupAt(appointmentAt: Date, pickup: ClockTime?, whenCalled: Bool, calendar: Calendar) -> Date {
        if whenCalled { return appointmentAt.addingTimeInterval(heldWhenCalled) }
        let day = CivilDate(appointmentAt, calendar: calendar)
        return day.start(in: calendar).addingTimeInterval(TimeInterval((pickup?.minutes ?? 0) * 60))
    }

    /// What is wrong with a leg, field by field (`pickup`, `minutes`); empty when nothing is.
    public static func issues(appointmentAt: Date, pickup: ClockTime?, whenCalled: Bool, expectedMinutes: Int,
                              calendar: Calendar) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if !whenCalled && pickup == nil {
            issues.append(FieldIssue(field: "pickup", message: Phrase(ko: "귀가 출발 시각을 입력하거나 '연락 오면'을 고르세요",
                                                                     en: "give the return pickup time, or choose when called")))
        } else if pickupAt(appointmentAt: appointmentAt, pickup: pickup, whenCalled: whenCalled, calendar: calendar) < appointmentAt {
            issues.append(FieldIssue(field: "pickup", message: Phrase(ko: "귀가 출발이 진료 시각보다 이릅니다",
                                                                     en: "the return pickup is before the appointment")))
        }
        if !minutes.contains(expectedMinutes) {
            issues.append(FieldIssue(field: "minutes", message: Phrase(ko: "귀가 소요 시간은 30분에서 8시간 사이입니다",
                                                                      en: "the return takes between 30 minutes and 8 hours")))
        }
        return issues
    }
}
