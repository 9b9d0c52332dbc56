import HonsimCore

/// The words of the council's rules on the dashboard: the new-request form's override, the
/// flags of the assign dialog. The rules' own reasons are HonsimCore's (`CouncilRulePhrases`).
public enum RuleText {
    public static let fieldOverride = Phrase(ko: "예외 사유", en: "override reason")
    public static let overrideHint = Phrase(ko: "사유를 적고 Enter: 예외로 진행(기록됨)", en: "a reason, then Enter: go ahead (recorded)")
    public static let noOverride = Phrase(ko: "협의체 기준상 예외가 허용되지 않습니다", en: "the council's rules allow no override here")

    public static let all: [Phrase] = [fieldOverride, overrideHint, noOverride]
}
