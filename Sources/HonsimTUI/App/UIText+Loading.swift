import HonsimCore

/// What the panes say while their reads come back (see `DashboardPart`).
public enum LoadingText {
    /// Before the reason, in a pane whose first read failed.
    public static let paneFailed = Phrase(ko: "불러오지 못했습니다", en: "could not load")
    /// An action that needs a pane still loading.
    public static let stillLoadingRequests = Phrase(ko: "요청 목록을 아직 불러오는 중입니다. 잠시 후 다시 눌러 주세요.",
                                                    en: "The requests are still loading; press the key again in a moment.")
    public static let stillLoadingVolunteers = Phrase(ko: "봉사자 목록을 아직 불러오는 중입니다. 잠시 후 다시 눌러 주세요.",
                                                      en: "The volunteers are still loading; press the key again in a moment.")
    public static let stillLoadingStatistics = Phrase(ko: "통계를 아직 불러오는 중입니다. 잠시 후 다시 눌러 주세요.",
                                                      en: "The statistics are still loading; press the key again in a moment.")
    static func stillLoading(_ part: DashboardPart) -> Phrase {
        switch part {
        case .requests: stillLoadingRequests
        case .volunteers: stillLoadingVolunteers
        case .statistics: stillLoadingStatistics
        }
    }

    static let all: [Phrase] = [paneFailed, stillLoadingRequests, stillLoadingVolunteers, stillLoadingStatistics]
}
