import Foundation

/// Lines the dashboard writes for `honsim-bench open`, and only when HONSIM_BENCH_MARKERS
/// names an open file descriptor: "frame" after the first frame reached the terminal,
/// "requests" after the first frame with the requests pane filled (or saying why it could
/// not be), "whole" after the first frame in which no pane waits any more. Each is written
/// once, right after ncurses has sent that frame, from the state the frame was drawn from:
/// the benchmark times what a person would see, without parsing the screen's escape codes.
/// They go to their own descriptor, never into the terminal.
final class BenchMarkers: @unchecked Sendable {
    enum Mark: String, CaseIterable { case frame, requests, whole }

    private let descriptor: Int32
    private var written: Set<Mark> = []

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// From the environment: nil unless HONSIM_BENCH_MARKERS holds a descriptor number.
    static func fromEnvironment() -> BenchMarkers? {
        guard let value = ProcessInfo.processInfo.environment["HONSIM_BENCH_MARKERS"], let descriptor = Int32(value),
              descriptor > 2, fcntl(descriptor, F_GETFD) != -1 else { return nil }
        return BenchMarkers(descriptor: descriptor)
    }

    /// After a frame was drawn from a state whose loads stood so.
    func drawn(_ loads: PaneLoads) {
        mark(.frame)
        if loads.requests != .waiting { mark(.requests) }
        if loads.settled { mark(.whole) }
    }

    private func mark(_ mark: Mark) {
        guard written.insert(mark).inserted else { return }
        let line = Array((mark.rawValue + "\n").utf8)
        _ = line.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count) }
    }
}
