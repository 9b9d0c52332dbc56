import Foundation
import HonsimCore

/// Events from background tasks (store reads, the change feed) wait here for the main loop.
public final class Inbox<Event: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [Event] = []

    func post(_ event: Event) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    func drain() -> [Event] {
        lock.lock()
        defer { lock.unlock() }
        let drained = events
        events.removeAll(keepingCapacity: true)
        return drained
    }
}

/// What a program hands the runner: its state, its `update` and its `view` behind these few
/// calls. The dashboard and the kiosk are two programs on the one `Runner`.
public protocol LoopProgram: AnyObject {
    associatedtype Event: Sendable
    /// Filled by the program's background tasks; the runner drains it between keys.
    var inbox: Inbox<Event> { get }
    /// The program asked to end (its `update` quit).
    var isDone: Bool { get }
    /// The terminal's size and the first reads, before the first frame.
    func start(width: Int, height: Int, now: Date)
    /// A key or a resize from the terminal.
    func receive(_ input: InputEvent)
    /// An event from the inbox.
    func receive(_ event: Event)
    /// The clock moved on by a tick.
    func tick(_ now: Date)
    /// The whole screen for the state as it is.
    func frame() -> Canvas
    /// Ends the program's background work (its change feed).
    func stop()
    /// The frame was handed to the terminal.
    func drawn()
}

extension LoopProgram {
    public func drawn() {}
}

/// The main loop, the one the dashboard and the kiosk share: it waits for a key at most
/// `pollMilliseconds`, drains the inbox the background tasks fill, ticks the clock once per
/// `tickInterval`, and redraws at once after a key or a resize, and otherwise only when an
/// inbox event or a tick changed something, so an idle screen is drawn once per tick. It
/// runs on a thread of its own because waiting for a key blocks.
public final class Runner<Program: LoopProgram>: @unchecked Sendable {
    public let program: Program
    let terminal: any Terminal
    let pollMilliseconds: Int
    let tickInterval: TimeInterval
    let threadName: String
    /// The tick slot last ticked (the time divided by the interval), so that stepping with a
    /// simulated clock ticks exactly when the clock crosses into a new slot.
    private var lastTick: Int64?
    public private(set) var framesDrawn = 0

    init(program: Program, terminal: any Terminal, pollMilliseconds: Int, tickInterval: TimeInterval, threadName: String) {
        self.program = program
        self.terminal = terminal
        self.pollMilliseconds = pollMilliseconds
        self.tickInterval = max(0.001, tickInterval)
        self.threadName = threadName
    }

    /// Runs until the program quits or a signal arrives; returns the exit status.
    public func run() async -> Int32 {
        await withCheckedContinuation { continuation in
            let thread = Thread { [self] in continuation.resume(returning: loop()) }
            thread.name = threadName
            thread.start()
        }
    }

    func loop() -> Int32 {
        defer {
            terminal.close()
            program.stop()
        }
        start(now: Date())
        while !program.isDone {
            // SIGINT, SIGTERM, SIGHUP: leave through the same door as q, restoring the terminal.
            if let number = terminal.pendingSignal { return 128 + number }
            step(now: Date(), waitMilliseconds: pollMilliseconds)
        }
        return 0
    }

    /// The first reads and the first frame.
    public func start(now: Date) {
        program.start(width: terminal.width, height: terminal.height, now: now)
        draw()
    }

    /// One turn of the loop: a key or a resize if one comes within `waitMilliseconds`, what
    /// the background tasks posted (never waited for), and the clock once per tick; one frame
    /// for all of it, at once.
    public func step(now: Date, waitMilliseconds: Int) {
        var dirty = false
        if let input = terminal.nextEvent(timeoutMilliseconds: waitMilliseconds) {
            program.receive(input)
            dirty = true
        }
        for event in program.inbox.drain() {
            program.receive(event)
            dirty = true
        }
        let slot = Int64((now.timeIntervalSince1970 / tickInterval).rounded(.down))
        if slot != lastTick {
            lastTick = slot
            program.tick(now)
            dirty = true
        }
        if dirty { draw() }
    }

    /// Hands an event to the loop as a background task does; for benchmarks and tests.
    public func post(_ event: Program.Event) { program.inbox.post(event) }

    /// Ends the program's background work.
    public func stop() { program.stop() }

    private func draw() {
        terminal.draw(program.frame())
        framesDrawn += 1
        program.drawn()
    }
}
