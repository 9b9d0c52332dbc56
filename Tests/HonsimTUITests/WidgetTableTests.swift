import HonsimCore
import HonsimTUI
import Testing

@Suite("Widget: Table")
struct WidgetTableTests {
    let theme = Theme.mono

    static let columns = [
        TableColumn(title: "이름", width: .fixed(6)),
        TableColumn(title: "동", width: .fixed(7)),
        TableColumn(title: "병원", width: .flexible(minimum: 6)),
        TableColumn(title: "건수", width: .fixed(4), alignment: .right),
    ]

    static let people = [
        ("김영희", "석수2동", "한림대학교성심병원 신장내과", "12"),
        ("남궁민수", "관양동", "안양샘병원", "3"),
        ("제갈공명님", "인덕원동", "메트로병원 재활의학과", "140"),
        ("Lee Ji-eun", "충훈동", "Hallym Univ. Sacred Heart", "7"),
    ]

    static var rows: [TableRow] { people.map { TableRow(cells: [$0.0, $0.1, $0.2, $0.3]) } }

    static func numbered(_ count: Int) -> [TableRow] {
        (1...count).map { TableRow(cells: ["대상\($0)", "석수\($0 % 3 + 1)동", "병원 \($0)", "\($0)"]) }
    }

    @Test("column widths: fixed as given, flexible share what is left, first ones get the odd columns")
    func widths() {
        #expect(Table.columnWidths(Self.columns, totalWidth: 40) == [6, 7, 20, 4])
        let two = [TableColumn(title: "a", width: .flexible(minimum: 2)), TableColumn(title: "b", width: .flexible(minimum: 4)),
                   TableColumn(title: "c", width: .fixed(3))]
        #expect(Table.columnWidths(two, totalWidth: 20) == [7, 8, 3])
        #expect(Table.columnWidths(two, totalWidth: 21) == [7, 9, 3] || Table.columnWidths(two, totalWidth: 21) == [8, 8, 3])
        let fixed = Array(repeating: TableColumn(title: "x", width: .fixed(6)), count: 3)
        #expect(Table.columnWidths(fixed, totalWidth: 10) == [6, 3, 0], "cut from the right")
        #expect(Table.columnWidths(fixed, totalWidth: 30) == [6, 6, 6], "no flexible column: room left over")
        #expect(Table.columnWidths(fixed, totalWidth: 0) == [0, 0, 0])
        #expect(Table.columnWidths([], totalWidth: 10) == [])
        for total in 0...60 {
            let widths = Table.columnWidths(Self.columns, totalWidth: total)
            let used = widths.reduce(0, +) + max(0, widths.filter { $0 > 0 }.count - 1)
            #expect(used <= total, "width \(total): \(widths)")
            if total >= 6 + 7 + 6 + 4 + 3 { #expect(used == total, "flexible columns fill the width") }
        }
    }

    @Test("first visible row follows the documented formula", arguments: [
        (nil as Int?, 40, 5, 0), (0, 40, 5, 0), (4, 40, 5, 0), (5, 40, 5, 1), (12, 40, 5, 8),
        (39, 40, 5, 35), (3, 4, 5, 0), (7, 8, 0, 0), (6, 8, 1, 6),
    ])
    func firstVisible(selected: Int?, count: Int, visible: Int, first: Int) {
        #expect(Table.firstVisibleRow(selected: selected, rowCount: count, visibleRows: visible) == first)
    }

    @Test("Hangul names are cut at a character boundary with …, numbers right-aligned")
    func hangulCut() {
        var canvas = Canvas(width: 40, height: 6)
        Table.draw(into: &canvas, rect: canvas.bounds, columns: Self.columns, rows: Self.rows, selected: 1, focused: true, theme: theme)
        assertSnapshot(canvas, named: "widget-table-hangul-cut")
        assertWellFormed(canvas)
        #expect(canvas.line(2).hasPrefix("남궁… "), "8 columns of name cut to 6: two syllables and …")
        #expect(canvas.line(3).hasPrefix("제갈… "))
        #expect(canvas.line(1).contains("한림대학교성심병원 …"))
        // "12" ends at the last column; "140" too.
        #expect(canvas[38, 1].grapheme == "1" && canvas[39, 1].grapheme == "2")
        #expect(canvas[37, 3].grapheme == "1" && canvas[39, 3].grapheme == "0")
        #expect(canvas[0, 0].style == theme.style(.header) && canvas[39, 0].style == theme.style(.header))
    }

    @Test("the selected row is highlighted across the full width, focused or not")
    func selection() {
        for focused in [true, false] {
            var canvas = Canvas(width: 40, height: 6)
            Table.draw(into: &canvas, rect: canvas.bounds, columns: Self.columns, rows: Self.rows, selected: 2,
                       focused: focused, theme: theme)
            let expected = theme.style(focused ? .selection : .selectionUnfocused)
            for x in 0..<40 { #expect(canvas[x, 3].style == expected, "x \(x)") }
            for x in 0..<40 { #expect(canvas[x, 2].style == theme.style(.normal)) }
        }
    }

    @Test("selection past the first page scrolls so it sits on the last line; arrows mark hidden rows")
    func scrolling() {
        var canvas = Canvas(width: 40, height: 6)
        Table.draw(into: &canvas, rect: canvas.bounds, columns: Self.columns, rows: Self.numbered(30), selected: 12,
                   focused: true, theme: theme)
        assertSnapshot(canvas, named: "widget-table-scrolled")
        #expect(canvas.line(1).hasPrefix("대상9"), "rows 8...12 (0-based) are shown")
        #expect(canvas.line(5).hasPrefix("대상13"))
        #expect(canvas[39, 1].grapheme == "↑" && canvas[39, 5].grapheme == "↓")
        #expect(canvas[39, 5].style == theme.style(.selection))
        // The table is narrower by the indicator column: "13" ends one column earlier.
        #expect(canvas[37, 5].grapheme == "1" && canvas[38, 5].grapheme == "3")

        var end = Canvas(width: 40, height: 6)
        Table.draw(into: &end, rect: end.bounds, columns: Self.columns, rows: Self.numbered(30), selected: 29,
                   focused: true, theme: theme, lines: .ascii)
        #expect(end.line(5).hasPrefix("대상30") && end[39, 1].grapheme == "^" && end[39, 5].grapheme == " ")
        var top = Canvas(width: 40, height: 6)
        Table.draw(into: &top, rect: top.bounds, columns: Self.columns, rows: Self.numbered(30), selected: 0,
                   focused: true, theme: theme, lines: .ascii)
        #expect(top.line(1).hasPrefix("대상1 ") && top[39, 1].grapheme == " " && top[39, 5].grapheme == "v")
        // Out-of-range selections are clamped rather than trapping.
        var beyond = Canvas(width: 40, height: 6)
        Table.draw(into: &beyond, rect: beyond.bounds, columns: Self.columns, rows: Self.numbered(30), selected: 99,
                   focused: true, theme: theme)
        #expect(beyond.line(5).hasPrefix("대상30"))
    }

    @Test("rows that fit leave no indicator column")
    func noIndicator() {
        var canvas = Canvas(width: 40, height: 6)
        Table.draw(into: &canvas, rect: canvas.bounds, columns: Self.columns, rows: Self.rows, selected: 0, focused: true, theme: theme)
        #expect(canvas[39, 1].grapheme == "2", "the last column reaches the edge")
    }

    @Test("an empty table shows the message centered and muted")
    func empty() {
        var canvas = Canvas(width: 40, height: 7)
        Table.draw(into: &canvas, rect: canvas.bounds, columns: Self.columns, rows: [], selected: 0, focused: true,
                   theme: theme, emptyMessage: "대기 중인 요청이 없습니다")
        assertSnapshot(canvas, named: "widget-table-empty")
        let at = locate("대기 중인 요청이 없습니다", in: canvas)
        #expect(at?.y == 3 && at?.x == (40 - 25) / 2)
        if let at { #expect(canvas[at.x, at.y].style == theme.style(.muted)) }
    }

    @Test("row and cell roles are drawn; a selected urgent row still stands out")
    func roles() {
        let rows = [
            TableRow(cells: ["김영희", "석수2동", "안양샘병원", "1"], role: .urgent),
            TableRow(cells: ["박철수", "관양동", "메트로병원", "2"], cellRoles: [nil, nil, nil, .warning]),
            TableRow(cells: ["이순자", "평촌동", "한림대병원", "3"], role: .muted),
        ]
        var canvas = Canvas(width: 40, height: 5)
        Table.draw(into: &canvas, rect: canvas.bounds, columns: Self.columns, rows: rows, selected: nil, focused: true, theme: theme)
        #expect(canvas[0, 1].style == theme.style(.urgent) && canvas[20, 1].style == theme.style(.urgent))
        #expect(canvas[39, 2].style == theme.style(.warning) && canvas[0, 2].style == theme.style(.normal))
        #expect(canvas[0, 3].style == theme.style(.muted))
        var selected = Canvas(width: 40, height: 5)
        Table.draw(into: &selected, rect: selected.bounds, columns: Self.columns, rows: rows, selected: 0, focused: true, theme: theme)
        #expect(selected[0, 1].style != canvas[0, 1].style)
        #expect(selected[0, 1].style != selected[0, 2].style)
    }

    @Test("escape sequences in cells never reach the grid")
    func sanitized() {
        var canvas = Canvas(width: 40, height: 3)
        let rows = [TableRow(cells: ["\u{1B}[31m빨강", "\u{1B}]0;title\u{07}동", "줄\n바꿈", "\u{7}9"])]
        Table.draw(into: &canvas, rect: canvas.bounds, columns: Self.columns, rows: rows, selected: nil, focused: false, theme: theme)
        #expect(canvas.line(1).hasPrefix("빨강   동      줄 바꿈"))
        #expect(!canvas.cells.contains { $0.grapheme.unicodeScalars.contains { $0.value < 0x20 } })
        #expect(canvas[39, 1].grapheme == "9")
    }

    @Test("draws only inside its rect")
    func confined() {
        let rect = Rect(x: 4, y: 2, width: 30, height: 6)
        let canvas = drawConfined(rect: rect) { canvas in
            Table.draw(into: &canvas, rect: rect, columns: Self.columns, rows: Self.numbered(20), selected: 7, focused: true, theme: theme)
        }
        assertSnapshot(canvas, named: "widget-table-confined")
        drawConfined(rect: rect) { canvas in
            Table.draw(into: &canvas, rect: rect, columns: Self.columns, rows: [], selected: nil, focused: true,
                       theme: theme, emptyMessage: "검색 결과가 없습니다 — 다른 동 이름으로 찾아보세요")
        }
        for (width, height) in [(0, 0), (1, 1), (3, 1), (30, 1), (2, 4)] {
            let small = Rect(x: 5, y: 3, width: width, height: height)
            drawConfined(rect: small, expectsDrawing: false) { canvas in
                Table.draw(into: &canvas, rect: small, columns: Self.columns, rows: Self.numbered(9), selected: 5, focused: true, theme: theme)
            }
        }
    }
}
