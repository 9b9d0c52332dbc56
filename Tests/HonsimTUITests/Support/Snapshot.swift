import Foundation
import HonsimCore
import HonsimTUI
import Testing

/// Golden snapshots of the cell grid (its text, not escape bytes) and checks that a screen is
/// well formed. Shared by every TUI test.

/// Tests/HonsimTUITests/__Snapshots__, found from this file's own path.
let snapshotDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("__Snapshots__", isDirectory: true)

/// Compares `canvas.text` with `__Snapshots__/<name>.txt`. A missing golden, or any golden
/// with HONSIM_RECORD_SNAPSHOTS=1, is written and recorded as an issue, so a golden nobody
/// has looked at never passes silently. A mismatch names the first differing line.
func assertSnapshot(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    assertGolden(canvas.text, named: name, sourceLocation: sourceLocation)
}

/// The same for any text the dashboard writes (a printed run sheet): `__Snapshots__/<name>.txt`.
func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = snapshotDirectory.appendingPathComponent("\(name).txt")
    let recording = ProcessInfo.processInfo.environment["HONSIM_RECORD_SNAPSHOTS"] == "1"
    guard !recording, let data = FileManager.default.contents(atPath: url.path),
          var expected = String(data: data, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: snapshotDirectory, withIntermediateDirectories: true)
            try Data((actual + "\n").utf8).write(to: url)
            Issue.record("Recorded snapshot \(name) at \(url.path); look at it, then run the tests again.",
                         sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record snapshot \(name) at \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    if expected.hasSuffix("\n") { expected.removeLast() }
    // Scalar by scalar: String == treats precomposed and decomposed Hangul as equal, a terminal does not.
    guard !expected.unicodeScalars.elementsEqual(actual.unicodeScalars) else { return }
    let expectedLines = expected.components(separatedBy: "\n"), actualLines = actual.components(separatedBy: "\n")
    let count = max(expectedLines.count, actualLines.count)
    let line = (0..<count).first { index in
        let e = index < expectedLines.count ? Array(expectedLines[index].unicodeScalars) : nil
        let a = index < actualLines.count ? Array(actualLines[index].unicodeScalars) : nil
        return e != a
    } ?? 0
    func show(_ lines: [String]) -> String { line < lines.count ? "«\(lines[line])»" : "(no such line)" }
    Issue.record("""
        Snapshot \(name) differs at line \(line + 1) (expected \(expectedLines.count) lines, got \(actualLines.count)):
          expected: \(show(expectedLines))
          actual:   \(show(actualLines))
        The whole screen:
        \(actual)
        If the change is intended, run with HONSIM_RECORD_SNAPSHOTS=1 and check the diff of \(url.path).
        """, sourceLocation: sourceLocation)
}

/// The problems that make a grid wrong on a terminal: a line wider than the canvas, a
/// continuation cell not right of a 2-wide grapheme, a 2-wide grapheme without its
/// continuation (split at an edge), a cell holding zero or several graphemes.
func gridProblems(_ canvas: Canvas) -> [String] {
    var problems: [String] = []
    for y in 0..<canvas.height {
        let width = DisplayWidth.of(canvas.line(y))
        if width > canvas.width { problems.append("line \(y) is \(width) columns wide, canvas \(canvas.width)") }
        for x in 0..<canvas.width {
            let cell = canvas[x, y]
            if cell.isContinuation {
                if x == 0 || DisplayWidth.of(canvas[x - 1, y].grapheme) != 2 {
                    problems.append("continuation at (\(x), \(y)) does not follow a wide grapheme")
                }
                continue
            }
            if cell.grapheme.count != 1 { problems.append("cell (\(x), \(y)) holds \(cell.grapheme.count) graphemes") }
            switch DisplayWidth.of(cell.grapheme) {
            case 0: problems.append("zero-width grapheme at (\(x), \(y))")
            case 2 where x + 1 >= canvas.width || !canvas[x + 1, y].isContinuation:
                problems.append("wide grapheme \(cell.grapheme) at (\(x), \(y)) is split")
            default: break
            }
        }
    }
    return problems
}

/// No line wider than the canvas and no wide grapheme split.
func assertWellFormed(_ canvas: Canvas, sourceLocation: SourceLocation = #_sourceLocation) {
    let problems = gridProblems(canvas)
    if !problems.isEmpty {
        Issue.record("Malformed grid: \(problems.prefix(5).joined(separator: "; "))\n\(canvas.text)",
                     sourceLocation: sourceLocation)
    }
}

/// A canvas covered with "." in a style no widget uses, so any cell a widget touches shows.
func backdrop(width: Int, height: Int) -> Canvas {
    var canvas = Canvas(width: width, height: height)
    canvas.fill(canvas.bounds, style: backdropStyle, grapheme: ".")
    return canvas
}

let backdropStyle = Style(foreground: .rgb(1, 2, 3), background: .rgb(4, 5, 6), attributes: .underline)

/// Draws on a backdrop and checks that every cell outside `rect` is exactly as it was and,
/// unless `expectsDrawing` is false (degenerate sizes), that something inside changed, so the
/// check cannot pass by drawing nothing. Returns the canvas.
@discardableResult
func drawConfined(width: Int = 40, height: Int = 12, rect: Rect, expectsDrawing: Bool = true,
                  sourceLocation: SourceLocation = #_sourceLocation, _ draw: (inout Canvas) -> Void) -> Canvas {
    let before = backdrop(width: width, height: height)
    var canvas = before
    draw(&canvas)
    var outside: [String] = []
    var insideChanged = false
    for y in 0..<height {
        for x in 0..<width where canvas[x, y] != before[x, y] {
            if rect.contains(x: x, y: y) { insideChanged = true } else { outside.append("(\(x), \(y))") }
        }
    }
    if !outside.isEmpty {
        Issue.record("Drew outside \(rect) at \(outside.prefix(8).joined(separator: " "))\n\(canvas.text)",
                     sourceLocation: sourceLocation)
    }
    if expectsDrawing && !insideChanged { Issue.record("Nothing was drawn inside \(rect)", sourceLocation: sourceLocation) }
    assertWellFormed(canvas, sourceLocation: sourceLocation)
    return canvas
}

/// The column and row where `text` starts on screen (display columns), or nil.
func locate(_ text: String, in canvas: Canvas) -> (x: Int, y: Int)? {
    let wanted = Array(text)
    guard !wanted.isEmpty else { return nil }
    for y in 0..<canvas.height {
        for x in 0..<canvas.width where !canvas[x, y].isContinuation {
            var column = x, index = 0
            while index < wanted.count, column < canvas.width, canvas[column, y].grapheme == String(wanted[index]) {
                column += max(1, DisplayWidth.of(wanted[index]))
                index += 1
            }
            if index == wanted.count { return (x, y) }
        }
    }
    return nil
}

/// The dashboard's frame in the mono theme, checked to be well formed: what every golden holds.
func render(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) -> Canvas {
    let canvas = renderFrame(state, theme: .mono)
    assertWellFormed(canvas, sourceLocation: sourceLocation)
    return canvas
}
