import HonsimCore
import HonsimStore

// The dashboard's tables by record id, held as arrays sorted by id rather than dictionaries:
// a dictionary keeps its table at most three-quarters full and grows it by doubling, so a
// city's 17,000 volunteer summaries took 32,768 places, 1.3 MB, and its 2,000 households
// 4,096, 0.9 MB, for as long as a dashboard is open. Sorted, they take half as much, and a
// look-up is at most 15 steps of a binary search.

/// Record ids in increasing order, and where an id stands among them.
struct SortedIDs: Sendable {
    var ids: [Int64]

    /// Where the id is, or where it would go.
    func insertionPoint(of id: Int64) -> Int {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low
    }

    func position(of id: Int64) -> Int? {
        let point = insertionPoint(of: id)
        return point < ids.count && ids[point] == id ? point : nil
    }
}

/// Records by id: the dashboard's households.
public struct RecordsByID<Record: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    private var index: SortedIDs
    public private(set) var values: [Record]

    public init(_ byID: [Int64: Record]) {
        let sorted = byID.sorted { $0.key < $1.key }
        index = SortedIDs(ids: sorted.map(\.key))
        values = sorted.map(\.value)
    }

    public init(dictionaryLiteral elements: (Int64, Record)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// Set as a dictionary's: a new id goes in its place, nil takes the record out.
    public subscript(id: Int64) -> Record? {
        get { index.position(of: id).map { values[$0] } }
        set {
            let point = index.insertionPoint(of: id)
            let present = point < index.ids.count && index.ids[point] == id
            switch (present, newValue) {
            case (true, let record?): values[point] = record
            case (true, nil): index.ids.remove(at: point); values.remove(at: point)
            case (false, let record?): index.ids.insert(id, at: point); values.insert(record, at: point)
            case (false, nil): break
            }
        }
    }

    public var count: Int { values.count }
}

/// The volunteers pane's week figures by volunteer id, in numbers of four bytes, and every
/// volunteer's busy spans in one array: as a VolunteerSummary each, a city's were 32 bytes
/// apiece and 11,000 small arrays of spans, 0.6 MB of them.
public struct VolunteerSummaries: Sendable, ExpressibleByDictionaryLiteral {
    private struct Figures: Sendable {
        var assignmentsThisWeek: Int32
        var minutesThisWeek: Int32
        var minutesThisMonth: Int32
        /// The volunteer's spans in `busy`.
        var busyStart: Int32
        var busyCount: Int32
    }

    private let index: SortedIDs
    private let figures: [Figures]
    private let busy: [TimeSpan]

    public init(_ byID: [Int64: VolunteerSummary]) {
        let sorted = byID.sorted { $0.key < $1.key }
        var busy: [TimeSpan] = []
        busy.reserveCapacity(sorted.reduce(0) { $0 + $1.value.busy.count })
        figures = sorted.map { _, summary in
            defer { busy += summary.busy }
            return Figures(assignmentsThisWeek: Int32(clamping: summary.assignmentsThisWeek), minutesThisWeek: Int32(clamping: summary.minutesThisWeek),
                           minutesThisMonth: Int32(clamping: summary.minutesThisMonth), busyStart: Int32(busy.count), busyCount: Int32(summary.busy.count))
        }
        index = SortedIDs(ids: sorted.map(\.key))
        self.busy = busy
    }

    public init(dictionaryLiteral elements: (Int64, VolunteerSummary)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public subscript(id: Int64) -> VolunteerSummary? { index.position(of: id).map(summary(at:)) }

    public var count: Int { figures.count }
    /// Every summary, in the order of their volunteers' ids.
    public var values: [VolunteerSummary] { figures.indices.map(summary(at:)) }

    private func summary(at position: Int) -> VolunteerSummary {
        let figures = figures[position]
        let spans = Int(figures.busyStart)..<Int(figures.busyStart + figures.busyCount)
        return VolunteerSummary(assignmentsThisWeek: Int(figures.assignmentsThisWeek), minutesThisWeek: Int(figures.minutesThisWeek),
                                minutesThisMonth: Int(figures.minutesThisMonth), busy: Array(busy[spans]))
    }
}

/// The requests pane's search texts by request id: each request's fields, and its household's
/// name in full and masked (only what is on screen is searchable), in shared buffers. The
/// fields are held once for both names: they were most of two texts a request, 0.7 MB.
public struct RequestSearch: Sendable {
    private let index: SortedIDs
    private let fields: SearchTexts
    private let names: SearchTexts
    private let maskedNames: SearchTexts

    /// The fields of each request, and the household's name in full and masked.
    init(_ records: [(id: Int64, fields: [String], name: String, maskedName: String)]) {
        let sorted = records.sorted { $0.id < $1.id }
        index = SortedIDs(ids: sorted.map(\.id))
        fields = SearchTexts(sorted.lazy.map(\.fields))
        names = SearchTexts(sorted.lazy.map { [$0.name] })
        maskedNames = SearchTexts(sorted.lazy.map { [$0.maskedName] })
    }

    /// Whether the request matches, its name searched in full or masked as its row shows it;
    /// false for a request not loaded.
    func matches(_ id: Int64, _ query: SearchQuery, showsFull: Bool) -> Bool {
        guard let position = index.position(of: id) else { return false }
        return fields.matches(position, query, orIn: showsFull ? names : maskedNames, at: position)
    }
}
