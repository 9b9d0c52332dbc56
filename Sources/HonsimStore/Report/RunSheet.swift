import Foundation
import HonsimCore

/// The run sheets of a day (동행 일지) as a volunteer takes them out: what each escort needs
/// said on paper, worked out once for the text and the HTML forms. Every value is data from
/// the store, already masked by the store where the role may not see it in full.
public struct RunSheetDocument: Sendable {
    public let sheets: RunSheets
    /// The office's phone, from config; the sheet leaves a line to write it on when empty.
    public let officePhone: String
    public let language: Language
    public let calendar: Calendar
    public let dongs: DongDirectory
    /// "2026-12-07 (월)", the same on every page.
    let dayLabel: String
    /// Each page's escorts' facts, worked out once for both forms: a city's day is thousands.
    private(set) var laidOut: [[Facts]] = []

    public init(sheets: RunSheets, officePhone: String, language: Language, calendar: Calendar, dongs: DongDirectory) {
        self.sheets = sheets
        self.officePhone = officePhone
        self.language = language
        self.calendar = calendar
        self.dongs = dongs
        dayLabel = "\(sheets.day) (\(DomainPhrases.weekday(Weekday(sheets.day.start(in: calendar), calendar: calendar)).text(language)))"
        laidOut = sheets.pages.map { page in page.escorts.enumerated().map { facts($1, number: $0 + 1) } }
    }

    /// When there is no page to print, why: nothing on the day, or nothing for this volunteer.
    public var emptyMessage: String? {
        guard sheets.pages.isEmpty else { return nil }
        if let volunteer = sheets.volunteer {
            return language == .ko ? "\(sheets.day): 봉사자 #\(volunteer.id) \(clean(volunteer.name))에게 맡겨진 동행이 없습니다"
                : "\(sheets.day): volunteer #\(volunteer.id) \(clean(volunteer.name)) has no escort on this day"
        }
        return language == .ko ? "\(sheets.day): 이 날에는 봉사자가 맡은 동행이 없습니다" : "\(sheets.day): no escort with a volunteer on this day"
    }

    func t(_ phrase: Phrase) -> String { phrase.text(language) }

    func clean(_ text: String) -> String { TerminalText.sanitize(text).trimmingSpaces() }

    /// Whether any household on the page is masked: the page says so at its top.
    func isMasked(_ page: RunSheets.Page) -> Bool {
        !sheets.volunteersInFull || page.escorts.contains { !sheets.householdsInFull.contains($0.household.id) }
    }

    /// One escort's facts as labelled lines, in the order the volunteer needs them on the way.
    struct Facts {
        var heading: String
        /// Label and value; a value may be long and is wrapped by the form.
        var lines: [(label: String, value: String)]
    }

    func facts(_ escort: DayEscort, number: Int) -> Facts {
        let request = escort.request, household = escort.household
        let pickup = ClockTime(request.pickupAt, calendar: calendar)
        let appointment = ClockTime(request.appointmentAt, calendar: calendar)
        let back = ClockTime(request.pickupAt.addingTimeInterval(TimeInterval(request.expectedMinutes * 60)), calendar: calendar)
        let dong = dongs.dong(code: request.dongCode)?.name ?? request.dongCode
        let age = sheets.day.year - household.birthYear
        var lines: [(label: String, value: String)] = []
        lines.append((t(RunSheetText.times), "\(t(RunSheetText.pickup)) \(pickup) · \(t(RunSheetText.appointment)) \(appointment) · "
            + "\(t(RunSheetText.backBy)) \(back) (\(DomainPhrases.duration(minutes: request.expectedMinutes).text(language)))"))
        let pickupPlace = clean(request.pickupPlace)
        lines.append((t(RunSheetText.pickupPlace), pickupPlace.isEmpty ? "-" : pickupPlace))
        lines.append((t(RunSheetText.address), [clean(household.address), "(\(dong))"].filter { !$0.isEmpty }.joined(separator: " ")))
        let gender = DomainPhrases.gender(household.gender).text(language)
        lines.append((t(RunSheetText.household), "\(clean(household.name)) · \(language == .ko ? "\(age)세" : "age \(age)") · \(gender)"))
        let (mobility, needs) = RunSheets.needs(of: household)
        let needWords = (mobility.map { [DomainPhrases.mobility($0).text(language)] } ?? []) + needs.map { DomainPhrases.need($0).text(language) }
        lines.append((t(RunSheetText.needs), needWords.isEmpty ? t(RunSheetText.noNeeds) : needWords.joined(separator: ", ")))
        let notes = [clean(household.notes), clean(request.notes)].filter { !$0.isEmpty }
        if !notes.isEmpty { lines.append((t(RunSheetText.notes), notes.joined(separator: " / "))) }
        let department = clean(request.department)
        lines.append((t(RunSheetText.hospital), clean(request.hospital) + (department.isEmpty ? "" : " · \(department)")
            + " (\(DomainPhrases.purpose(request.purpose).text(language)))"))
        lines.append((t(RunSheetText.returnTrip), t(request.returnTrip ? RunSheetText.returnWith : RunSheetText.oneWay)))
        lines.append((t(RunSheetText.transport), transport(escort)))
        lines.append((t(RunSheetText.phones), phones(escort)))
        let caseManager = clean(household.caseManager)
        if !caseManager.isEmpty { lines.append((t(RunSheetText.caseManager), caseManager)) }
        return Facts(heading: "\(number). \(pickup) #\(request.id)", lines: lines)
    }

    private func transport(_ escort: DayEscort) -> String {
        let request = escort.request, booking = escort.booking
        var words = DomainPhrases.transport(request.transport).text(language)
        guard request.transport.needsBooking else { return words }
        words += " — " + DomainPhrases.booking(booking.status).text(language)
        if !clean(booking.reference).isEmpty { words += " · \(t(RunSheetText.reference)) \(clean(booking.reference))" }
        if !clean(booking.vehicle).isEmpty { words += " · \(t(RunSheetText.vehicle)) \(clean(booking.vehicle))" }
        return words
    }

    private func phones(_ escort: DayEscort) -> String {
        let office = clean(officePhone).isEmpty ? "______________" : clean(officePhone)
        let household = clean(escort.household.phone).isEmpty ? "-" : clean(escort.household.phone)
        // The household's family contact as recorded (masked where the household is); a line to
        // write one on where none is.
        let family = clean(escort.household.family.line)
        return "\(t(RunSheetText.office)) \(office) · \(t(RunSheetText.householdPhone)) \(household) · \(t(RunSheetText.family)) "
            + (family.isEmpty ? "__________" : family)
    }

    /// The volunteer's line at the top of a page.
    func volunteerLine(_ page: RunSheets.Page) -> String {
        let phone = clean(page.volunteer.phone)
        return "\(t(RunSheetText.volunteer)) #\(page.volunteer.id) \(clean(page.volunteer.name))" + (phone.isEmpty ? "" : " · \(phone)")
            + " · " + (language == .ko ? "동행 \(page.escorts.count)건" : "\(page.escorts.count) escort" + (page.escorts.count == 1 ? "" : "s"))
    }
}

/// The run sheet's words in Korean and English.
enum RunSheetText {
    static let title = Phrase(ko: "동행 일지", en: "Escort run sheet")
    static let masked = Phrase(ko: "※ 가림: 이 역할로는 전체를 볼 수 없는 이름·전화·주소를 가렸습니다.",
                               en: "* Masked: names, phones and addresses your role may not see in full are masked.")
    static let confidential = Phrase(ko: "개인정보가 담긴 문서입니다. 동행이 끝나면 사무실에 돌려주세요.",
                                     en: "Holds personal data. Return it to the office after the escort.")
    static let times = Phrase(ko: "시간", en: "Times")
    static let pickup = Phrase(ko: "출발", en: "pickup")
    static let appointment = Phrase(ko: "진료", en: "appointment")
    static let backBy = Phrase(ko: "귀가 예정", en: "back by")
    static let pickupPlace = Phrase(ko: "만나는 곳", en: "Pickup place")
    static let address = Phrase(ko: "주소", en: "Address")
    static let household = Phrase(ko: "대상자", en: "Household")
    static let needs = Phrase(ko: "도움 필요", en: "Needs")
    static let noNeeds = Phrase(ko: "특별히 없음", en: "none recorded")
    static let notes = Phrase(ko: "유의 사항", en: "On the way")
    static let hospital = Phrase(ko: "병원·진료과", en: "Hospital")
    static let returnTrip = Phrase(ko: "귀가", en: "Return trip")
    static let returnWith = Phrase(ko: "귀가까지 동행", en: "escort home")
    static let oneWay = Phrase(ko: "가는 길만", en: "one way")
    static let transport = Phrase(ko: "교통", en: "Transport")
    static let reference = Phrase(ko: "예약번호", en: "ref.")
    static let vehicle = Phrase(ko: "차량", en: "vehicle")
    static let phones = Phrase(ko: "전화", en: "Phones")
    static let office = Phrase(ko: "사무실", en: "office")
    static let householdPhone = Phrase(ko: "대상자", en: "home")
    static let family = Phrase(ko: "가족", en: "family")
    static let caseManager = Phrase(ko: "담당자", en: "Case manager")
    static let volunteer = Phrase(ko: "봉사자", en: "Volunteer")
    static let fillIn = Phrase(ko: "동행 후 직접 적는 칸", en: "Filled in by hand after the escort")
    static let actualTimes = Phrase(ko: "실제 시간", en: "Actual times")
    static let actualPickup = Phrase(ko: "출발", en: "left")
    static let actualArrival = Phrase(ko: "병원 도착", en: "at hospital")
    static let actualBack = Phrase(ko: "귀가", en: "home")
    static let minutes = Phrase(ko: "총 소요(분)", en: "Minutes")
    static let outcome = Phrase(ko: "결과", en: "Outcome")
    static let outcomeDone = Phrase(ko: "진료 마침", en: "seen")
    static let outcomeNoShow = Phrase(ko: "나오지 않음", en: "no-show")
    static let outcomeCancelled = Phrase(ko: "취소", en: "cancelled")
    static let outcomeOther = Phrase(ko: "기타", en: "other")
    static let doctor = Phrase(ko: "의사 소견(가족·대상자에게 전할 말)", en: "What the doctor said (for the household or family)")
    static let followUp = Phrase(ko: "후속 조치", en: "Follow-up")
    static let followUpNeeded = Phrase(ko: "필요", en: "needed")
    static let followUpNone = Phrase(ko: "없음", en: "none")
    static let signature = Phrase(ko: "서명", en: "Signature")
    static let signVolunteer = Phrase(ko: "봉사자", en: "volunteer")
    static let signHousehold = Phrase(ko: "대상자·가족", en: "household or family")
}
