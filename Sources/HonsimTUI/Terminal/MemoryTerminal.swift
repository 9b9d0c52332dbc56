/// A terminal that keeps the grid in memory, for tests and benchmarks: scripted input goes in
/// through a queue, frames come out as `screen`. It never blocks: `nextEvent` returns the
/// next queued event at once, or nil when the script has run out.
public final class MemoryTerminal: Terminal {
    public private(set) var width: Int
    public private(set) var height: Int
    /// The last frame drawn; blank until the first.
    public private(set) var screen: Canvas
    /// Frames drawn so far.
    public private(set) var frameCount = 0
    /// Cells that differ from the previous frame: what a real backend would send. The first
    /// frame, and a frame of another size than the one before, count every cell.
    public private(set) var lastChangedCells = 0
    /// Changed cells over all frames, for benchmarks.
    public private(set) var totalChangedCells = 0
    public private(set) var isClosed = false
    private var queue: [InputEvent] = []
    private var queueStart = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        screen = Canvas(width: width, height: height)
    }

    /// Events queued and not yet read.
    public var pendingEvents: Int { queue.count - queueStart }

    public func enqueue(_ event: InputEvent) { queue.append(event) }

    public func enqueue(_ key: Key) { queue.append(.key(key)) }

    /// Queues one `.character` key per Character; "\n" and "\r" become `.enter`, "\t" `.tab`,
    /// so a script reads like what a person types.
    public func type(_ text: String) {
        for character in text {
            switch character {
            case "\n", "\r", "\r\n": enqueue(.enter)
            case "\t": enqueue(.tab)
            default: enqueue(.character(character))
            }
        }
    }

    /// Changes the size and queues the `.resize` the application will read, as SIGWINCH would.
    public func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        enqueue(.resize(width: self.width, height: self.height))
    }

    public func draw(_ canvas: Canvas) {
        if frameCount > 0, canvas.width == screen.width, canvas.height == screen.height {
            lastChangedCells = zip(canvas.cells, screen.cells).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
        } else {
            lastChangedCells = canvas.cells.count
        }
        totalChangedCells += lastChangedCells
        frameCount += 1
        screen = canvas
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard queueStart < queue.count else { return nil }
        defer {
            queueStart += 1
            // Drop what was read now and then, so a long benchmark script does not keep it all.
            if queueStart > 1024, queueStart * 2 > queue.count {
                queue.removeFirst(queueStart)
                queueStart = 0
            }
        }
        return queue[queueStart]
    }

    public func close() { isClosed = true }
}
