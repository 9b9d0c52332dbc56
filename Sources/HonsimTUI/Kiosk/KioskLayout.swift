/// Where things go on the kiosk's screen, worked out from its size alone, so `kioskUpdate`
/// (which pages the rotation steps through) and the view (which draws them) always agree.
struct KioskLayout: Equatable {
    let width: Int
    let height: Int
    let lines: LineSet

    static let minimumWidth = 80, minimumHeight = 24

    var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// Large type for the clock and the key figures: a hall screen at a normal font size.
    var large: Bool { width >= 120 && height >= 36 }

    /// The clock in big digits beside the title when large; one line otherwise.
    var headerHeight: Int { large ? BigDigits.rows(scale: 1, lines: lines) + 1 : 1 }

    var header: Rect { Rect(x: 0, y: 0, width: width, height: headerHeight) }
    var footer: Rect { Rect(x: 0, y: height - 1, width: width, height: 1) }

    /// Between header and footer, less a column of margin on each side and the view's title line.
    var body: Rect {
        Rect(x: 2, y: headerHeight + 2, width: width - 4, height: height - headerHeight - 4)
    }

    var titleLine: Rect { Rect(x: 2, y: headerHeight, width: width - 4, height: 1) }

    // MARK: Today's board

    /// Today's counts above the table: big-digit tiles when large, one line otherwise.
    var boardSummaryHeight: Int { large ? 1 + BigDigits.rows(scale: 2, lines: lines) + 1 : 2 }

    /// Escorts per page: the table's rows less its header.
    var boardRowsPerPage: Int { max(1, body.height - boardSummaryHeight - 1) }

    // MARK: Per-dong bars

    /// Two columns of bars on a wide screen.
    var dongColumns: Int { width >= 140 ? 2 : 1 }

    /// Lines per column: a gu's heading or a dong's bar.
    var dongLinesPerColumn: Int { max(1, body.height - 1) }

    /// The pages a list of `count` items takes at `perPage` a page; at least one, even empty.
    static func pages(_ count: Int, perPage: Int) -> Int { max(1, (count + perPage - 1) / max(1, perPage)) }
}
