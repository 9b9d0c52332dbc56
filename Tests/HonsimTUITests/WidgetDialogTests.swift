import HonsimCore
import HonsimTUI
import Testing

@Suite("Widget: Dialog")
struct WidgetDialogTests {
    let theme = Theme.mono
    static let buttons: [(key: String, label: String)] = [("Enter", "배정"), ("Esc", "취소")]

    @Test("a centered box with title, body and buttons over the screen")
    func confirm() {
        var canvas = backdrop(width: 40, height: 10)
        let inner = Dialog.draw(into: &canvas, title: "배정 확인", body: ["김*희 ← 박철수 (석수2동)", "3월 4일 10:30 한림대병원"],
                                buttons: Self.buttons, theme: theme)
        assertSnapshot(canvas, named: "widget-dialog-confirm")
        assertWellFormed(canvas)
        let box = Dialog(title: "배정 확인", body: ["김*희 ← 박철수 (석수2동)", "3월 4일 10:30 한림대병원"], buttons: Self.buttons)
            .box(in: canvas.bounds)
        #expect(box.height == 6 && box.y == 2 && box.x == (40 - box.width) / 2)
        #expect(inner.height == 0 && inner.y == box.y + 3, "no rows asked for: an empty area below the body")
        #expect(canvas[box.x, box.y].grapheme == "┌" && canvas[box.x, box.y].style == theme.style(.borderFocused))
        guard let enter = locate("Enter 배정", in: canvas) else { Issue.record("buttons missing"); return }
        #expect(enter.y == box.maxY - 2)
        #expect(canvas[enter.x, enter.y].style == theme.style(.statusKey) && canvas[enter.x + 6, enter.y].style == theme.style(.dialog))
        #expect(canvas.line(enter.y).contains("Enter 배정   Esc 취소"))
        #expect(canvas[box.x - 1, 4].grapheme == "." && canvas[box.x + 2, box.y + 4].grapheme == " ")
    }

    @Test("returns the area for the caller's content between body and buttons")
    func candidates() {
        var canvas = Canvas(width: 40, height: 12)
        let inner = Dialog.draw(into: &canvas, title: "봉사자 후보 — 요청 #42", body: ["석수2동 김*희 · 3월 4일 10:30"],
                                buttons: Self.buttons, footer: "↑↓ 선택", width: 30, contentHeight: 4, theme: theme)
        #expect(inner == Rect(x: 5, y: 3, width: 30, height: 4))
        Table.draw(into: &canvas, rect: inner, columns: [TableColumn(title: "이름", width: .fixed(8)), TableColumn(title: "점수", width: .flexible(minimum: 4), alignment: .right)],
                   rows: [TableRow(cells: ["박철수", "92"]), TableRow(cells: ["이영자", "85"]), TableRow(cells: ["최민호", "71"])],
                   selected: 0, focused: true, theme: theme)
        assertSnapshot(canvas, named: "widget-dialog-candidates")
        assertWellFormed(canvas)
        #expect(canvas.line(9).contains("↑↓ 선택"), "the footer sits on the bottom border")
    }

    @Test("on a low screen the buttons stay, the body is cut, the caller's rows go first")
    func lowScreen() {
        var canvas = Canvas(width: 30, height: 6)
        let inner = Dialog.draw(into: &canvas, title: "자세히", body: (1...6).map { "줄 \($0) — 아주 긴 설명이 여기에 들어갑니다" },
                                buttons: Self.buttons, contentHeight: 5, theme: theme)
        assertSnapshot(canvas, named: "widget-dialog-low")
        assertWellFormed(canvas)
        #expect(inner.height == 0)
        #expect(canvas.line(4).contains("Enter 배정"))
        #expect(canvas.line(1).contains("줄 1 — 아주 긴 설명이 여…") && canvas.line(3).contains("줄 3"))
        #expect(!canvas.text.contains("줄 4"))
    }

    @Test("draws only inside its rect")
    func confined() {
        for rect in [Rect(x: 5, y: 2, width: 30, height: 8), Rect(x: 3, y: 3, width: 9, height: 3)] {
            let canvas = drawConfined(rect: rect) { canvas in
                let inner = Dialog.draw(into: &canvas, rect: rect, title: "요청 취소", body: ["정말 취소할까요? 되돌릴 수 없습니다."],
                                        buttons: Self.buttons, contentHeight: 2, theme: theme)
                #expect(rect.intersection(inner) == inner || inner.isEmpty)
            }
            #expect(canvas[rect.x, rect.y].grapheme == "┌" || rect.width < 2)
        }
        drawConfined(rect: Rect(x: 5, y: 5, width: 1, height: 1)) { canvas in
            Dialog.draw(into: &canvas, rect: Rect(x: 5, y: 5, width: 1, height: 1), title: "요청 취소", theme: theme)
        }
    }
}
