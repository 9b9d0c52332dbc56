import HonsimCore

/// The words of the volunteers' side: the credentials list and the completion form's expenses.
extension UIText {
    public static let credentialsTitle = Phrase(ko: "봉사자 자격 만료 (30일 안)", en: "Credentials lapsing within 30 days")
    public static let noExpiring = Phrase(ko: "30일 안에 만료되는 자격이 없습니다", en: "nothing lapses within 30 days")
    public static let colCredential = Phrase(ko: "자격", en: "credential")
    public static let colValidUntil = Phrase(ko: "기한", en: "valid until")
    public static let colDaysLeft = Phrase(ko: "남은 날", en: "days left")
    public static let lapsed = Phrase(ko: "만료", en: "lapsed")
    public static let fieldFares = Phrase(ko: "실비: 교통비(원)", en: "Expenses: fares (won)")
    public static let fieldParking = Phrase(ko: "실비: 주차비(원)", en: "Expenses: parking (won)")
    public static let fieldMeals = Phrase(ko: "실비: 식비(원)", en: "Expenses: meals (won)")
    public static let errorAmount = Phrase(ko: "0 이상의 금액(원)으로 적어 주세요", en: "an amount in won, 0 or more")
    public static let fieldTrainedOn = Phrase(ko: "기본 교육 이수일", en: "training completed")
    public static let fieldInsuredUntil = Phrase(ko: "상해보험 만기일", en: "insurance valid until")
    public static let fieldBackgroundCheck = Phrase(ko: "범죄경력 조회일", en: "background check")
    public static let fieldPortalConsent = Phrase(ko: "포털 실적 제공 동의일", en: "portal consent")
    public static let errorCredentialDate = Phrase(ko: "날짜로 적어 주세요(예: 2026-12-31)", en: "a date, like 2026-12-31")
    public static let labelCredentials = Phrase(ko: "자격", en: "credentials")

    static let volunteerSide: [Phrase] = [
        credentialsTitle, noExpiring, colCredential, colValidUntil, colDaysLeft, lapsed, fieldFares, fieldParking, fieldMeals, errorAmount,
        fieldTrainedOn, fieldInsuredUntil, fieldBackgroundCheck, fieldPortalConsent, errorCredentialDate, labelCredentials,
    ] + Credential.allCases.map(\.phrase)
}
