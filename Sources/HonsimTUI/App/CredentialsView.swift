import Foundation
import HonsimCore
import HonsimStore

/// The credentials list (`e`): who has an accident insurance, training or background check
/// that lapses within 30 days, or has lapsed, soonest first. It only shows; a volunteer's
/// dates are changed on their page or with `honsim volunteer credentials`.
struct CredentialsList: Component {
    var offset: Int

    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        let count = around.data?.expiring.count ?? 0
        switch around.keys.list.action(for: key) {
        case .down?: offset = min(offset + 1, max(0, count - 1)); return .stay
        case .up?: offset = max(0, offset - 1); return .stay
        default: break
        }
        let main = around.keymap.action(for: key)
        if around.keys.details.matches(key, .close) || main == .credentials || main == .quit { return .closing() }
        return .stay
    }
}

struct CredentialsView {
    let state: AppState
    let theme: Theme

    func draw(offset: Int, into canvas: inout Canvas) {
        let t = { (phrase: Phrase) in state.text(phrase) }
        let rect = Rect(x: 2, y: 2, width: canvas.width - 4, height: canvas.height - 4)
        let area = Dialog(title: t(UIText.credentialsTitle), buttons: [("↑↓", ""), ("Esc", t(UIText.close))], width: rect.width - 4,
                          contentHeight: rect.height - 4, lines: state.lines).draw(into: &canvas, rect: rect, theme: theme)
        guard area.height > 1, let data = state.data else { return }
        let volunteers = Dictionary(data.volunteers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let columns = [
            TableColumn(title: t(UIText.colName), width: .fixed(10)),
            TableColumn(title: t(UIText.colDong), width: .fixed(10)),
            TableColumn(title: t(UIText.colCredential), width: .flexible(minimum: 12)),
            TableColumn(title: t(UIText.colValidUntil), width: .fixed(11)),
            TableColumn(title: t(UIText.colDaysLeft), width: .fixed(9), alignment: .right),
        ]
        let items = data.expiring
        Table.draw(into: &canvas, rect: area, columns: columns, rowCount: items.count, row: { index in
            let item = items[index]
            let volunteer = volunteers[item.volunteerID]
            let left = item.daysLeft.map { $0 < 0 ? "\(t(UIText.lapsed)) \(-$0)" : String($0) } ?? ""
            return TableRow(cells: [volunteer?.name ?? "#\(item.volunteerID)", volunteer.map { state.dongName($0.dongCode) } ?? "",
                                    t(item.credential.phrase), item.validUntil?.description ?? "", left],
                            role: item.hasLapsed ? .urgent : nil)
        }, selected: items.isEmpty ? nil : min(offset, items.count - 1), focused: true, theme: theme,
           emptyMessage: t(UIText.noExpiring), lines: state.lines)
    }
}
