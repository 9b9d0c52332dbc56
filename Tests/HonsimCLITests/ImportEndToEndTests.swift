import Foundation
import HonsimCore
import Testing

/// Importing and exporting in a real terminal: the dashboard's I and E, and the command's
/// progress bar, driven by tmux.
@Suite("Import and export end to end in tmux", .serialized)
struct ImportEndToEndTests {
    typealias Tmux = DashboardEndToEndTests.Tmux

    @Test(.enabled(if: DashboardEndToEndTests.tmuxInstalled, "tmux is not installed"))
    func theDashboardImportsAfterAPreviewAndSavesAPaneAsCSV() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let csv = store.folder.appendingPathComponent("새명단.csv")
        try Data("이름,생년,성별,동,연락처\n김영희,1944,여,석수3동,010-2222-3333\n박철수,1950,남,평촌동,\n".utf8).write(to: csv)
        let tmux = Tmux()
        // Started in the store's folder: relative paths and exports are taken from there.
        try tmux.start(width: 120, height: 40, command: "cd \(store.folder.path) && env LANG=C.UTF-8 TERM=xterm-256color "
            + "\(CLI.binary) dashboard --store \(store.path); echo HONSIM-EXITED $?; sleep 30")
        _ = try tmux.wait { $0.joined().contains("동별 통계") && $0.joined().contains("월화수목금토일") }
        try tmux.keys("I")
        _ = try tmux.wait { $0.joined().contains("파일 가져오기") }
        try tmux.keys("-l", "새명단.csv")
        try tmux.keys("Enter")
        var lines = try tmux.wait { $0.joined().contains("문제 없음") }
        #expect(lines.joined().contains("가져오기 미리 보기 — 대상자"))
        #expect(lines.joined().contains("2건을 모두 가져올 수 있습니다 (번호 399–400)"))
        try tmux.keys("Enter")
        lines = try tmux.wait { $0.joined().contains("가져왔습니다") }
        #expect(lines.joined().contains("대상자 2건을 가져왔습니다 (번호 399–400): 새명단.csv"))
        try tmux.keys("Enter")
        _ = try tmux.wait { !$0.joined().contains("가져왔습니다") }
        #expect(try store.run(["export", "households"]).stdout.contains("400,평촌동,박철수,1950,남,"))

        try tmux.keys("E")
        lines = try tmux.wait { $0.last?.contains("CSV로 저장했습니다") == true }
        let saved = try FileManager.default.contentsOfDirectory(atPath: store.folder.path).filter { $0.hasPrefix("honsim-requests-") }
        #expect(saved.count == 1)
        #expect(lines.last?.contains(store.folder.appendingPathComponent(saved.first ?? "?").path) == true)
        let contents = FileManager.default.contents(atPath: store.folder.appendingPathComponent(saved.first ?? "?").path) ?? Data()
        #expect(contents.starts(with: [0xEF, 0xBB, 0xBF] + Array("#,일시,대상자,동,병원,교통,필요,상태\n".utf8)))
        try tmux.keys("q")
        lines = try tmux.wait { $0.joined().contains("HONSIM-EXITED") }
        #expect(lines.joined().contains("HONSIM-EXITED 0"))
    }

    @Test(.enabled(if: DashboardEndToEndTests.tmuxInstalled, "tmux is not installed"))
    func theCommandDrawsAProgressBarOnATerminal() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let dongs = ["석수2동", "안양2동", "충훈동", "평촌동", "범계동"]
        var text = "이름,생년,성별,동\n"
        for index in 0..<30_000 { text += "이름\(index),\(1930 + index % 40),\(index % 2 == 0 ? "여" : "남"),\(dongs[index % 5])\n" }
        let csv = store.folder.appendingPathComponent("big.csv")
        try Data(text.utf8).write(to: csv)
        let tmux = Tmux()
        try tmux.start(width: 100, height: 10, command: "env LANG=C.UTF-8 \(CLI.binary) import households \(csv.path) --store \(store.path); "
            + "echo HONSIM-EXITED $?; sleep 30")
        let lines = try tmux.wait { $0.joined().contains("HONSIM-EXITED") }
        // The bar's last state stays above the summary: every row written.
        let bar = try #require(lines.first { $0.hasPrefix("가져오기 · ") })
        #expect(bar.contains("100%") && bar.contains("30,000/30,000"))
        #expect(DisplayWidth.of(bar) < 100)
        #expect(lines.contains("대상자 30,000건을 가져왔습니다 (번호 399–30398): big.csv"))
        #expect(lines.joined().contains("HONSIM-EXITED 0"))
    }
}
