import HonsimCore

/// What honsim says once, before anything else, about a terminal that cannot show it as it is.
public enum ConsoleNotice {
    /// The Linux virtual console (TERM=linux) has no Hangul glyphs: every Korean word would be
    /// a row of blanks or diamonds. Said in both languages, since the Korean half may not show.
    public static let linuxConsole = Phrase(
        ko: "이 콘솔(TERM=linux)은 한글을 그릴 수 없습니다. 터미널 에뮬레이터나 kmscon, fbterm에서 열거나 --lang en으로 여십시오",
        en: "this console (TERM=linux) cannot draw Hangul; open honsim in a terminal emulator, kmscon or fbterm, or with --lang en")

    /// The notice for `term`, in both languages, or nil when there is nothing to say.
    public static func forTerminal(_ term: String?) -> String? {
        guard term == "linux" else { return nil }
        return "\(linuxConsole.en) / \(linuxConsole.ko)"
    }
}
