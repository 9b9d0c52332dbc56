/// An exact maximum-weight assignment on a sparse bipartite graph: rows (requests) on one
/// side, columns (volunteers) on the other, an edge where a row may take a column. Each
/// row takes at most one column and each column serves at most one row; the rows' total
/// weight is the largest possible.
///
/// The method is the shortest augmenting path form of the Hungarian algorithm (as in
/// Jonker and Volgenant), run over the edges that exist rather than a dense matrix. Rows
/// are added one at a time; for each, Dijkstra's algorithm on reduced costs finds the
/// cheapest way to free a column for it, possibly moving rows already placed, and the
/// dual potentials are updated so that reduced costs stay non-negative. Every row also has
/// a private "nobody" column of weight 0, so a row stays unassigned when that is best.
/// After the last row the assignment is optimal: the potentials prove it (complementary
/// slackness), not a heuristic.
///
/// Cost: one Dijkstra per row over the edges reached, so about rows × edges × log in the
/// worst case and much less in practice, since most rows find a free column at once.
public enum AssignmentSolver {
    public struct Edge: Sendable, Hashable {
        public var column: Int
        public var weight: Int

        public init(column: Int, weight: Int) {
            self.column = column
            self.weight = weight
        }
    }

    /// The column each row takes, or nil. `edges[row]` lists the row's edges; columns are
    /// `0..<columns`. Edges of weight zero or less are never worth taking and are ignored, as
    /// are edges outside the columns; of two edges to one column the heavier counts.
    /// Weights must be small enough that rows × the largest weight fits in an `Int`.
    public static func maximumWeight(edges: [[Edge]], columns: Int) -> [Int?] {
        var solver = Solver(edges: edges, columns: max(0, columns))
        for row in 0..<edges.count { solver.place(row) }
        return (0..<edges.count).map { row in
            let column = solver.columnOfRow[row]
            return column >= 0 && column < solver.realColumns ? column : nil
        }
    }

    /// The working state: costs (largest weight minus weight, so all are non-negative and
    /// the cheapest assignment is the heaviest), the potentials and the matching.
    private struct Solver {
        let realColumns: Int
        // The edges in one flat list, row by row (compressed rows); each row's last edge is
        // its private "nobody" column, numbered realColumns + row.
        var rowStart: [Int] = [0]
        var edgeColumn: [Int] = []
        var edgeCost: [Int] = []
        // Dual potentials: reduced cost = cost - rowPotential - columnPotential >= 0, and 0 on
        // every matched edge.
        var rowPotential: [Int]
        var columnPotential: [Int]
        var columnOfRow: [Int]
        var rowOfColumn: [Int]
        // Per-search state, reset cheaply by stamping rather than clearing.
        var distance: [Int]
        var predecessor: [Int]
        var reachedStamp: [Int]
        var doneStamp: [Int]
        var stamp = 0
        var done: [Int] = []
        var heap = MinHeap()

        init(edges: [[Edge]], columns: Int) {
            realColumns = columns
            let rows = edges.count
            let heaviest = edges.lazy.flatMap { $0 }.filter { $0.column >= 0 && $0.column < columns }
                .map(\.weight).max() ?? 0
            let nobodyCost = max(0, heaviest)
            var best: [Int: Int] = [:]
            for (row, list) in edges.enumerated() {
                best.removeAll(keepingCapacity: true)
                for edge in list where edge.weight > 0 && edge.column >= 0 && edge.column < columns {
                    best[edge.column] = max(best[edge.column] ?? 0, edge.weight)
                }
                // Sorted by column: the search then breaks ties the same way on every run.
                for (column, weight) in best.sorted(by: { $0.key < $1.key }) {
                    edgeColumn.append(column)
                    edgeCost.append(heaviest - weight)
                }
                edgeColumn.append(columns + row)
                edgeCost.append(nobodyCost)
                rowStart.append(edgeColumn.count)
            }
            let allColumns = columns + rows
            rowPotential = Array(repeating: 0, count: rows)
            columnPotential = Array(repeating: 0, count: allColumns)
            columnOfRow = Array(repeating: -1, count: rows)
            rowOfColumn = Array(repeating: -1, count: allColumns)
            distance = Array(repeating: 0, count: allColumns)
            predecessor = Array(repeating: -1, count: allColumns)
            reachedStamp = Array(repeating: 0, count: allColumns)
            doneStamp = Array(repeating: 0, count: allColumns)
        }

        /// Adds one row: the shortest augmenting path from it to a free column.
        mutating func place(_ source: Int) {
            stamp += 1
            done.removeAll(keepingCapacity: true)
            heap.removeAll()
            relax(from: source, at: 0)
            var target = -1
            var targetDistance = 0
            while let (found, column) = heap.pop() {
                if doneStamp[column] == stamp || found != distance[column] { continue }
                doneStamp[column] = stamp
                done.append(column)
                let holder = rowOfColumn[column]
                if holder < 0 {
                    target = column
                    targetDistance = found
                    break
                }
                // The matched edge back to its row is tight (reduced cost 0): go on from that row.
                relax(from: holder, at: found)
            }
            // The row's own "nobody" column is always reachable, so a free column was found.
            guard target >= 0 else { return }

            // Keep reduced costs non-negative and the new path tight.
            rowPotential[source] += targetDistance
            for column in done where column != target {
                let shift = targetDistance - distance[column]
                columnPotential[column] -= shift
                rowPotential[rowOfColumn[column]] += shift
            }
            // Flip the path: each row on it takes the column it was reached through.
            var column = target
            while true {
                let row = predecessor[column]
                let previous = columnOfRow[row]
                columnOfRow[row] = column
                rowOfColumn[column] = row
                if row == source { break }
                column = previous
            }
        }

        private mutating func relax(from row: Int, at base: Int) {
            let potential = rowPotential[row]
            for edge in rowStart[row]..<rowStart[row + 1] {
                let column = edgeColumn[edge]
                if doneStamp[column] == stamp { continue }
                let candidate = base + edgeCost[edge] - potential - columnPotential[column]
                if reachedStamp[column] != stamp || candidate < distance[column] {
                    reachedStamp[column] = stamp
                    distance[column] = candidate
                    predecessor[column] = row
                    heap.push(candidate, column)
                }
            }
        }
    }

    /// A binary min-heap of (distance, column), ties broken by the lower column.
    /// Stale entries are skipped by the caller rather than removed.
    private struct MinHeap {
        private var keys: [Int] = []
        private var values: [Int] = []

        mutating func removeAll() {
            keys.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
        }

        private func less(_ a: Int, _ b: Int) -> Bool {
            keys[a] != keys[b] ? keys[a] < keys[b] : values[a] < values[b]
        }

        private mutating func swapAt(_ a: Int, _ b: Int) {
            keys.swapAt(a, b)
            values.swapAt(a, b)
        }

        mutating func push(_ key: Int, _ value: Int) {
            keys.append(key)
            values.append(value)
            var child = keys.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard less(child, parent) else { break }
                swapAt(child, parent)
                child = parent
            }
        }

        mutating func pop() -> (Int, Int)? {
            guard let firstKey = keys.first, let firstValue = values.first else { return nil }
            let last = keys.count - 1
            swapAt(0, last)
            keys.removeLast()
            values.removeLast()
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < keys.count && less(left, smallest) { smallest = left }
                if right < keys.count && less(right, smallest) { smallest = right }
                if smallest == parent { break }
                swapAt(parent, smallest)
                parent = smallest
            }
            return (firstKey, firstValue)
        }
    }
}
