import Foundation
import HonsimCore

/// What a file brings in.
public enum ImportKind: String, Sendable, Hashable, CaseIterable {
    case households, volunteers, requests

    public var phrase: Phrase {
        switch self {
        case .households: Phrase(ko: "대상자", en: "households")
        case .volunteers: Phrase(ko: "봉사자", en: "volunteers")
        case .requests: Phrase(ko: "동행 요청", en: "requests")
        }
    }

    /// The entity the audit log names.
    var entity: String {
        switch self {
        case .households: "household"
        case .volunteers: "volunteer"
        case .requests: "request"
        }
    }

    /// The columns this kind reads, in the order a preview shows them.
    public var fields: [ImportField] {
        switch self {
        case .households:
            [.name, .birthYear, .gender, .dong, .phone, .address, .mobility, .needs, .preferredVolunteerGender,
             .caseManager, .consentDate, .notes, .categories, .servedElsewhere, .familyName, .familyRelation, .familyPhone]
        case .volunteers:
            [.name, .dong, .gender, .phone, .skills, .hasCar, .weeklyCapHours, .availability, .notes,
             .trainedOn, .insuredUntil, .backgroundCheckedOn, .portalConsentOn]
        case .requests:
            [.householdID, .name, .birthYear, .dong, .hospital, .department, .appointmentDate, .appointmentTime,
             .pickupTime, .pickupPlace, .returnTrip, .transport, .purpose, .expectedMinutes, .notes]
        }
    }

    /// Columns without which no row can be read. Requests name their household by id or by
    /// name, birth year and dong; that choice is checked on its own.
    var required: [ImportField] {
        switch self {
        case .households: [.name, .birthYear, .gender, .dong]
        case .volunteers: [.name, .dong, .gender]
        case .requests: [.hospital, .appointmentDate]
        }
    }

    /// The kind a header suggests: a hospital or an appointment makes requests, hours or skills
    /// make volunteers, a birth year makes households.
    public static func guess(header: [String]) -> ImportKind? {
        let fields = Set(header.compactMap { ImportField(header: $0, kind: nil) })
        if fields.contains(.hospital) || fields.contains(.appointmentDate) { return .requests }
        if !fields.isDisjoint(with: [.skills, .hasCar, .weeklyCapHours, .availability]) { return .volunteers }
        if fields.contains(.birthYear) || fields.contains(.mobility) { return .households }
        return nil
    }
}

/// A column an import understands, found by any of its Korean or English headers.
public enum ImportField: String, Sendable, Hashable, CaseIterable {
    case householdID = "household_id"
    case name
    case birthYear = "birth_year"
    case gender, dong, phone, address, mobility, needs
    case preferredVolunteerGender = "preferred_volunteer_gender"
    case caseManager = "case_manager"
    case consentDate = "consent_date"
    case notes
    case skills
    case hasCar = "has_car"
    case weeklyCapHours = "weekly_cap_hours"
    case availability
    case hospital, department
    case appointmentDate = "appointment_date"
    case appointmentTime = "appointment_time"
    case pickupTime = "pickup_time"
    case pickupPlace = "pickup_place"
    case returnTrip = "return_trip"
    case transport, purpose
    case expectedMinutes = "expected_minutes"
    /// The household's eligibility under the council's rules (CouncilRules.swift).
    case categories
    case servedElsewhere = "served_elsewhere"
    case trainedOn = "trained_on"
    case insuredUntil = "insured_until"
    case backgroundCheckedOn = "background_checked_on"
    case portalConsentOn = "portal_consent_on"
    /// The household's family contact (Household.family).
    case familyName = "family_name"
    case familyRelation = "family_relation"
    case familyPhone = "family_phone"

    /// Headers as offices write them; the first is the Korean name honsim uses itself. A name
    /// column is the household's in households and requests, the volunteer's in volunteers: a
    /// 봉사자 column in a requests file is not the household's name.
    public func headers(for kind: ImportKind? = nil) -> [String] {
        switch self {
        case .householdID: ["대상자번호", "대상자ID", "household_id", "household"]
        case .name:
            switch kind {
            case .volunteers: ["이름", "성명", "봉사자명", "봉사자", "name"]
            case .households, .requests: ["이름", "성명", "대상자명", "대상자", "name"]
            case nil: ["이름", "성명", "name"]
            }
        case .birthYear: ["생년", "출생연도", "출생년도", "출생년", "생년도", "생년월일", "birth_year", "born", "year_of_birth"]
        case .gender: ["성별", "남녀", "gender", "sex"]
        case .dong: ["동", "행정동", "동명", "동이름", "거주동", "소속동", "dong", "home_dong"]
        case .phone: ["연락처", "전화", "전화번호", "휴대폰", "휴대전화", "핸드폰", "phone", "tel", "telephone", "mobile"]
        case .address: ["주소", "address"]
        case .mobility: ["이동보조", "이동보조기구", "보조기구", "mobility"]
        case .needs: ["필요", "필요지원", "필요사항", "지원필요", "needs"]
        case .preferredVolunteerGender: ["희망봉사자성별", "희망성별", "preferred_volunteer_gender", "preferred_gender"]
        case .caseManager: ["담당자", "담당", "사례관리자", "담당공무원", "case_manager"]
        case .consentDate: ["동의일", "동의일자", "개인정보동의일", "consent_date"]
        case .notes: ["메모", "비고", "참고", "notes", "note", "memo"]
        case .skills: ["기술", "가능활동", "특기", "자격", "skills"]
        case .hasCar: ["차량", "차량보유", "자가용", "has_car", "car"]
        case .weeklyCapHours: ["주간한도", "주당시간", "주간시간", "주당한도", "weekly_cap_hours", "weekly_cap", "weekly_hours"]
        case .availability: ["활동시간", "가능시간", "활동가능시간", "availability"]
        case .hospital: ["병원", "병원명", "의료기관", "hospital"]
        case .department: ["진료과", "과", "department"]
        case .appointmentDate: ["진료일", "진료일자", "진료날짜", "진료일시", "예약일", "날짜", "일자", "appointment_date", "appointment", "date"]
        case .appointmentTime: ["진료시각", "진료시간", "예약시각", "예약시간", "시각", "시간", "appointment_time", "time"]
        case .pickupTime: ["출발시각", "출발시간", "픽업시간", "pickup_time", "pickup"]
        case .pickupPlace: ["출발장소", "픽업장소", "만날장소", "pickup_place"]
        case .returnTrip: ["귀가동행", "귀가", "return_trip", "return"]
        case .transport: ["교통", "교통수단", "이동수단", "transport"]
        case .purpose: ["목적", "진료목적", "동행목적", "purpose"]
        case .expectedMinutes: ["예상소요", "예상소요시간", "소요시간", "예상시간", "expected_minutes", "duration", "minutes"]
        case .categories: ["대상구분", "구분", "대상자구분", "지원구분", "categories", "eligibility"]
        case .servedElsewhere: ["타서비스", "타서비스이용", "이용중인서비스", "served_elsewhere"]
        case .trainedOn: ["교육이수일", "기본교육이수일", "교육일", "trained_on", "training"]
        case .insuredUntil: ["보험만기일", "상해보험만기일", "보험만기", "보험기한", "insured_until", "insurance"]
        case .backgroundCheckedOn: ["범죄경력조회일", "경력조회일", "background_checked_on", "background_check"]
        case .portalConsentOn: ["실적제공동의일", "포털동의일", "portal_consent_on", "portal_consent"]
        case .familyName: ["가족이름", "가족", "보호자", "보호자명", "보호자이름", "비상연락인", "family_name", "family", "family_contact"]
        case .familyRelation: ["가족관계", "관계", "보호자관계", "family_relation", "relation", "relationship"]
        case .familyPhone: ["가족연락처", "가족전화", "보호자연락처", "보호자전화", "비상연락처", "family_phone"]
        }
    }

    /// How a message names the column when the file lacks it: 생년/birth_year.
    public var label: String { "\(headers()[0])/\(rawValue)" }

    private static let byHeader: [ImportKind?: [String: ImportField]] = {
        var maps: [ImportKind?: [String: ImportField]] = [:]
        for kind in [nil] + ImportKind.allCases.map(Optional.some) {
            var map: [String: ImportField] = [:]
            for field in kind?.fields ?? ImportField.allCases {
                for header in field.headers(for: kind) { map[ImportField.normalize(header)] = field }
            }
            maps[kind] = map
        }
        return maps
    }()

    /// The field a header names in a file of `kind` (any kind when nil): case, spaces,
    /// underscores and a note in parentheses do not matter ("예상 소요(분)", "Birth Year", "*이름").
    public init?(header: String, kind: ImportKind?) {
        guard let field = ImportField.byHeader[kind]?[ImportField.normalize(header)] else { return nil }
        self = field
    }

    static func normalize(_ header: String) -> String {
        var result = ""
        var depth = 0
        for character in header.lowercased() {
            switch character {
            case "(", "（", "[": depth += 1
            case ")", "）", "]": depth = max(0, depth - 1)
            case _ where depth > 0: continue
            case _ where character.isWhitespace: continue
            case "_", "-", ".", "*", ":": continue
            default: result.append(character)
            }
        }
        return result
    }
}
