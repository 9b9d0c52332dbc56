import HonsimCore
import HonsimTUI
import Testing

@Suite("MemoryTerminal")
struct MemoryTerminalTests {
    @Test("scripted events come out in order, then nil")
    func events() {
        let terminal = MemoryTerminal(width: 40, height: 10)
        #expect(terminal.nextEvent(timeoutMilliseconds: 100) == nil)
        terminal.enqueue(.key(.function(1)))
        terminal.enqueue(.down)
        terminal.type("/석수\n")
        #expect(terminal.pendingEvents == 6)
        let expected: [InputEvent] = [.key(.function(1)), .key(.down), .key(.character("/")), .key(.character("석")),
                                      .key(.character("수")), .key(.enter)]
        for event in expected { #expect(terminal.nextEvent(timeoutMilliseconds: 0) == event) }
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
        #expect(terminal.pendingEvents == 0)
        terminal.type("a\tb")
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .key(.character("a")))
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .key(.tab))
    }

    @Test("a long script is read through in order")
    func longScript() {
        let terminal = MemoryTerminal(width: 10, height: 2)
        for index in 0..<5000 { terminal.enqueue(.function(index)) }
        var seen = 0
        while let event = terminal.nextEvent(timeoutMilliseconds: 0) {
            #expect(event == .key(.function(seen)))
            seen += 1
            if seen == 2500 { terminal.enqueue(.function(5000)) }
        }
        #expect(seen == 5001)
    }

    @Test("resize changes the size and queues a resize event")
    func resize() {
        let terminal = MemoryTerminal(width: 40, height: 10)
        terminal.resize(width: 80, height: 24)
        #expect(terminal.width == 80 && terminal.height == 24)
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .resize(width: 80, height: 24))
    }

    @Test("draw keeps the frame and counts frames and changed cells")
    func frames() {
        let terminal = MemoryTerminal(width: 20, height: 3)
        #expect(terminal.screen == Canvas(width: 20, height: 3) && terminal.frameCount == 0)
        var canvas = Canvas(width: 20, height: 3)
        terminal.draw(canvas)
        #expect(terminal.frameCount == 1 && terminal.lastChangedCells == 60, "the first frame is sent whole")
        terminal.draw(canvas)
        #expect(terminal.lastChangedCells == 0)
        canvas.write("안양", x: 2, y: 1, style: .plain)
        canvas.restyle(Rect(x: 10, y: 2, width: 3, height: 1), style: Style(attributes: .bold))
        terminal.draw(canvas)
        #expect(terminal.lastChangedCells == 7, "two wide graphemes take four cells, plus three restyled")
        #expect(terminal.screen == canvas && terminal.screen.line(1).hasPrefix("  안양"))
        terminal.draw(Canvas(width: 30, height: 3))
        #expect(terminal.lastChangedCells == 90, "another size: every cell")
        #expect(terminal.frameCount == 4 && terminal.totalChangedCells == 60 + 0 + 7 + 90)
    }

    @Test("close marks it closed; it works as any Terminal")
    func close() {
        let memory = MemoryTerminal(width: 5, height: 5)
        let terminal: any Terminal = memory
        #expect(!memory.isClosed)
        terminal.close()
        #expect(memory.isClosed && terminal.width == 5 && terminal.height == 5)
    }
}
