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

/// Records by id: the dashboard's households, and the volunteers pane's week figures.
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

public typealias VolunteerSummaries = RecordsByID<VolunteerSummary>

/// The requests pane's search texts by request id: each request's with the household's name
/// in full and masked (only what is on screen is searchable), in two shared buffers.
public struct RequestSearch: Sendable {
    private let index: SortedIDs
    private let full: SearchTexts
    private let masked: SearchTexts

    /// The fields of each request, and the household's name in full and masked.
    init(_ records: [(id: Int64, fields: [String], name: String, maskedName: String)]) {
        let sorted = records.sorted { $0.id < $1.id }
        index = SortedIDs(ids: sorted.map(\.id))
        full = SearchTexts(sorted.lazy.map { $0.fields + [$0.name] })
        masked = SearchTexts(sorted.lazy.map { $0.fields + [$0.maskedName] })
    }

    /// Whether the request matches, searched in full or masked as its row shows it; false
    /// for a request not loaded.
    func matches(_ id: Int64, _ query: SearchQuery, showsFull: Bool) -> Bool {
        guard let position = index.position(of: id) else { return false }
        return (showsFull ? full : masked).matches(position, query)
    }
}
