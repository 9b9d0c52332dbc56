import HonsimCore
import HonsimTUI
import Testing

@Suite("Widget: BarChart and Sparkline")
struct WidgetChartTests {
    let theme = Theme.mono

    static let items = [
        BarChartItem(label: "석수1동", value: 12),
        BarChartItem(label: "석수2동", value: 7),
        BarChartItem(label: "인덕원동", value: 3.5),
        BarChartItem(label: "비산1동", value: 0),
        BarChartItem(label: "충훈동(구 석수3동)", value: 9, valueText: "9건", role: .urgent),
    ]

    @Test("bars have eighth-column resolution in unicode, whole columns in ascii")
    func bars() {
        #expect(BarChart.bar(fraction: 0.5, width: 4, lines: .unicode) == "██")
        #expect(BarChart.bar(fraction: 1.0 / 32, width: 4, lines: .unicode) == "▏")
        #expect(BarChart.bar(fraction: 0.3, width: 4, lines: .unicode) == "█▎", "9.6 eighths round to 10")
        #expect(BarChart.bar(fraction: 7.0 / 8, width: 1, lines: .unicode) == "▉")
        #expect(BarChart.bar(fraction: 1, width: 3, lines: .unicode) == "███")
        #expect(BarChart.bar(fraction: 2, width: 3, lines: .unicode) == "███", "clamped to the width")
        #expect(BarChart.bar(fraction: 0.0001, width: 10, lines: .unicode) == "▏", "above zero is never invisible")
        #expect(BarChart.bar(fraction: 0, width: 10, lines: .unicode) == "")
        #expect(BarChart.bar(fraction: -1, width: 10, lines: .unicode) == "")
        #expect(BarChart.bar(fraction: .nan, width: 10, lines: .unicode) == "")
        #expect(BarChart.bar(fraction: 0.5, width: 0, lines: .unicode) == "")
        #expect(BarChart.bar(fraction: 0.5, width: 10, lines: .ascii) == "#####")
        #expect(BarChart.bar(fraction: 0.01, width: 10, lines: .ascii) == "#")
        #expect(BarChart.bar(fraction: 1, width: 10, lines: .ascii) == "##########")
        for eighths in 0...32 {
            let bar = BarChart.bar(fraction: Double(eighths) / 32, width: 4, lines: .unicode)
            #expect(DisplayWidth.of(bar) == (eighths + 7) / 8, "\(eighths)/32")
        }
    }

    @Test("a chart of dongs in unicode: labels, bars scaled to the largest, values after the bars")
    func unicodeChart() {
        var canvas = Canvas(width: 40, height: 6)
        BarChart.draw(into: &canvas, rect: canvas.bounds, items: Self.items, theme: theme)
        assertSnapshot(canvas, named: "widget-barchart-unicode")
        assertWellFormed(canvas)
        // Label column: a third of 40; values 3 wide ("3.5", "9건"); bar area 40 - 13 - 1 - 3 - 1 = 22.
        #expect(canvas.line(0).hasPrefix("석수1동       " + String(repeating: "█", count: 22) + " 12"))
        #expect(canvas.line(3).hasPrefix("비산1동       0"))
        #expect(canvas.line(4).hasPrefix("충훈동(구 석…"))
        #expect(canvas[14, 0].style.attributes.isEmpty, "reverse is taken off the bar style so blocks stay visible")
        #expect(canvas[14, 1].style == theme.style(.chartBarAlt), "rows alternate")
        #expect(canvas[14, 4].style.attributes == .bold, "an item's role wins (urgent, reverse taken off)")
    }

    @Test("ascii bars and a given maximum")
    func asciiChart() {
        var canvas = Canvas(width: 40, height: 6)
        BarChart.draw(into: &canvas, rect: canvas.bounds, items: Self.items, maxValue: 24, labelWidth: 8, lines: .ascii, theme: theme)
        assertSnapshot(canvas, named: "widget-barchart-ascii")
        // Bar area 40 - 8 - 1 - 3 - 1 = 27; 12 of 24 is half: 14 (13.5 rounded).
        #expect(canvas.line(0).hasPrefix("석수1동  " + String(repeating: "#", count: 14) + " 12"))
        #expect(canvas.line(2).contains(" #### 3.5"), "3.5 of 24 in 27 columns: 3.9, rounded to 4")
        #expect(!canvas.text.contains("█"))
    }

    @Test("sparklines: levels, the last values, zeros and odd values", arguments: [LineSet.unicode, .ascii])
    func sparkline(lines: LineSet) {
        let levels = lines == .unicode ? "▁▂▃▄▅▆▇█" : " .:-=+*#"
        #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7], width: 8, lines: lines) == levels)
        let chars = Array(levels)
        #expect(Sparkline.render(Array(1...10).map(Double.init), width: 4, lines: lines) == String([chars[5], chars[6], chars[6], chars[7]]),
                "only the last 4, scaled to their own maximum")
        #expect(Sparkline.render([0, 0, 0], width: 10, lines: lines) == String(repeating: chars[0], count: 3))
        #expect(Sparkline.render([0, 0.01, 100], width: 3, lines: lines) == String([chars[0], chars[1], chars[7]]))
        #expect(Sparkline.render([-5, .nan, .infinity, 4], width: 4, lines: lines) == String([chars[0], chars[0], chars[0], chars[7]]))
        #expect(Sparkline.render([1, 2, 3], width: 0, lines: lines) == "")
        #expect(Sparkline.render([], width: 5, lines: lines) == "")
    }

    @Test("sparklines drawn in a row, unicode and ascii")
    func sparklineDraw() {
        let requestsPerDay: [Double] = [3, 5, 2, 0, 0, 8, 6, 4, 7, 9, 12, 4, 1, 0, 5, 6, 8, 10, 11, 7, 3, 2, 6, 9]
        var canvas = Canvas(width: 20, height: 2)
        Sparkline.draw(into: &canvas, rect: Rect(x: 0, y: 0, width: 20, height: 1), values: requestsPerDay, theme: theme)
        Sparkline(values: requestsPerDay, lines: .ascii).draw(into: &canvas, rect: Rect(x: 0, y: 1, width: 20, height: 1), theme: theme)
        assertSnapshot(canvas, named: "widget-sparkline")
        #expect(canvas.line(0) == Sparkline.render(requestsPerDay, width: 20, lines: .unicode))
        #expect(canvas.line(1) == Sparkline.render(requestsPerDay, width: 20, lines: .ascii))
        #expect(canvas[0, 0].style == theme.style(.sparkline))
    }

    @Test("charts draw only inside their rect")
    func confined() {
        let rect = Rect(x: 6, y: 3, width: 24, height: 3)
        drawConfined(rect: rect) { canvas in BarChart.draw(into: &canvas, rect: rect, items: Self.items, theme: theme) }
        drawConfined(rect: rect) { canvas in
            BarChart.draw(into: &canvas, rect: rect, items: Self.items, labelWidth: 40, lines: .ascii, theme: theme)
        }
        drawConfined(rect: rect.row(0)) { canvas in
            Sparkline.draw(into: &canvas, rect: rect, values: (0..<50).map { Double($0 % 7) }, theme: theme)
        }
        drawConfined(rect: Rect(x: 1, y: 1, width: 0, height: 0), expectsDrawing: false) { canvas in
            BarChart.draw(into: &canvas, rect: Rect(x: 1, y: 1, width: 0, height: 0), items: Self.items, theme: theme)
            Sparkline.draw(into: &canvas, rect: Rect(x: 1, y: 1, width: 0, height: 0), values: [1, 2], theme: theme)
        }
    }
}
