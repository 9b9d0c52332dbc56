import Foundation
import HonsimCore
import HonsimStore

/// The import dialog: the path prompt, the preview (the first rows and every problem), the
/// import under way, and its result.
struct ImportViews {
    let state: AppState
    let theme: Theme

    private func t(_ phrase: Phrase) -> String { state.text(phrase) }

    func draw(into canvas: inout Canvas) {
        guard let flow = state.importFlow else { return }
        let problem = flow.problem.map { ["", "\(t(ImportText.problem)): \($0)"] } ?? []
        let cancel = (key: "Esc", label: t(ImportText.cancel))
        let width = max(20, min(canvas.width - 6, 110))
        switch flow.stage {
        case .askingPath(let input):
            let kind = flow.kind.map { $0.phrase.text(state.language) } ?? t(ImportText.automatic)
            let body = [t(ImportText.askPath), "\(t(ImportText.relativeTo)): \(state.workingFolder)",
                        "\(t(ImportText.kind)): \(kind)"] + problem + [""]
            let field = Dialog(title: t(ImportText.title), body: body,
                               buttons: [(key: "Enter", label: t(ImportText.preview)), (key: "Tab", label: t(ImportText.kind)), cancel],
                               width: width, contentHeight: 1, lines: state.lines).draw(into: &canvas, rect: canvas.bounds, theme: theme)
            TextInput.draw(into: &canvas, rect: field, state: input, placeholder: "~/대상자.csv", focused: true, theme: theme)
        case .reading(let path):
            Dialog(title: t(ImportText.title), body: ["\(t(ImportText.reading)): \(path)"], buttons: [cancel], width: width,
                   lines: state.lines).draw(into: &canvas, rect: canvas.bounds, theme: theme)
        case .preview(let preview, let scroll):
            drawPreview(preview, scroll: scroll, problem: problem, width: width, into: &canvas)
        case .importing(let preview):
            Dialog(title: t(ImportText.title), body: ["\(t(ImportText.importing)): \(preview.file)"], width: width,
                   lines: state.lines).draw(into: &canvas, rect: canvas.bounds, theme: theme)
        case .done(let outcome):
            Dialog(title: t(ImportText.title), body: [outcome.summary(state.language)] + outcome.notes(state.language),
                   buttons: [(key: "Enter", label: t(ImportText.close))], width: width, lines: state.lines)
                .draw(into: &canvas, rect: canvas.bounds, theme: theme)
        }
    }

    private func drawPreview(_ preview: ImportPreview, scroll: Int, problem: [String], width: Int, into canvas: inout Canvas) {
        var about = "\(t(ImportText.file)): \(preview.file)"
        if let sheet = preview.sheet { about += " · \(t(ImportText.sheet)) \(sheet)" }
        if let encoding = preview.encoding { about += " · \(encoding.label)" }
        about += state.language == .ko ? " · \(Grouping.thousands(preview.rows))행" : " · \(Grouping.thousands(preview.rows)) row\(preview.rows == 1 ? "" : "s")"
        var body = [about]
        if !preview.ignoredColumns.isEmpty { body.append("\(t(ImportText.ignored)): \(preview.ignoredColumns.joined(separator: ", "))") }
        body += problem
        let buttons = preview.canImport
            ? [(key: "Enter", label: t(ImportText.doImport)), (key: "Tab", label: t(ImportText.kind)), (key: "Esc", label: t(ImportText.cancel))]
            : [(key: "↑↓", label: t(ImportText.scroll)), (key: "Tab", label: t(ImportText.kind)), (key: "Esc", label: t(ImportText.close))]
        // The rows, a blank line, the verdict, and as many problems as the screen allows.
        let tableHeight = 1 + max(1, preview.sample.count)
        let wanted = tableHeight + 2 + (preview.issues.isEmpty ? 0 : preview.issues.count)
        let room = canvas.height - 2 - body.count - 2 - 2
        let title = "\(t(ImportText.previewTitle)) — \(preview.kind.phrase.text(state.language))"
        let area = Dialog(title: title, body: body, buttons: buttons, width: width, contentHeight: max(tableHeight + 2, min(wanted, room)),
                          lines: state.lines).draw(into: &canvas, rect: canvas.bounds, theme: theme)
        guard area.height > 0 else { return }
        let columns = preview.columns.map { field in
            TableColumn(title: state.language == .ko ? field.headers(for: preview.kind)[0] : field.rawValue, width: .flexible(minimum: 4))
        }
        let rows = preview.sample.map { cells in
            TableRow(cells: zip(preview.columns, cells).map { field, value in shown(value, field: field) })
        }
        Table.draw(into: &canvas, rect: Rect(x: area.x, y: area.y, width: area.width, height: min(tableHeight, area.height)),
                   columns: columns, rows: rows, selected: nil, focused: false, theme: theme, lines: state.lines)
        var y = area.y + tableHeight + 1
        guard y < area.maxY else { return }
        let dialog = theme.style(.dialog)
        let verdict: String
        if preview.canImport, let outcome = preview.outcome {
            let ids = outcome.idsText(state.language).map { " (\($0))" } ?? ""
            verdict = state.language == .ko
                ? "문제 없음: \(Grouping.thousands(outcome.count))건을 모두 가져올 수 있습니다\(ids). Enter를 누르면 가져옵니다."
                : "No problem: \(Grouping.thousands(outcome.count)) to import\(ids). Enter imports them."
        } else {
            verdict = state.language == .ko
                ? "문제 \(Grouping.thousands(preview.issues.count))건 — 아무것도 가져오지 않습니다. 파일을 고친 뒤 다시 하세요."
                : "\(Grouping.thousands(preview.issues.count)) problem(s): nothing will be imported. Fix the file and try again."
        }
        canvas.write(WidgetSupport.fit(verdict, area.width), x: area.x, y: y,
                     style: WidgetSupport.layer(theme.style(preview.canImport ? .accent : .warning), over: dialog), clip: area)
        y += 1
        for issue in preview.issues.dropFirst(scroll) where y < area.maxY {
            canvas.write(WidgetSupport.fit("  " + issue.description(state.language), area.width), x: area.x, y: y, style: dialog, clip: area)
            y += 1
        }
    }

    /// A cell as the preview shows it: masked like the rest of the screen under --masked.
    private func shown(_ value: String, field: ImportField) -> String {
        guard state.maskAll else { return value }
        switch field {
        case .name, .familyName: return Masking.name(value)
        case .phone, .familyPhone: return Masking.phone(value)
        case .address: return Masking.address(value)
        case .notes: return ""
        default: return value
        }
    }
}

/// The import and export dialogs' words.
enum ImportText {
    static let title = Phrase(ko: "파일 가져오기", en: "Import a file")
    static let askPath = Phrase(ko: "가져올 CSV 또는 엑셀(.xlsx) 파일의 경로를 적으세요.", en: "The path of the CSV or Excel (.xlsx) file to import.")
    static let relativeTo = Phrase(ko: "상대 경로의 기준", en: "relative to")
    static let kind = Phrase(ko: "종류", en: "kind")
    static let automatic = Phrase(ko: "자동(머리글로 판단)", en: "automatic (from the header)")
    static let preview = Phrase(ko: "미리 보기", en: "preview")
    static let previewTitle = Phrase(ko: "가져오기 미리 보기", en: "Import preview")
    static let reading = Phrase(ko: "읽고 확인하는 중", en: "reading and checking")
    static let importing = Phrase(ko: "가져오는 중", en: "importing")
    static let doImport = Phrase(ko: "가져오기", en: "import")
    static let cancel = Phrase(ko: "취소", en: "cancel")
    static let close = Phrase(ko: "닫기", en: "close")
    static let scroll = Phrase(ko: "문제 목록", en: "problems")
    static let file = Phrase(ko: "파일", en: "file")
    static let sheet = Phrase(ko: "시트", en: "sheet")
    static let ignored = Phrase(ko: "읽지 않는 열", en: "columns not read")
    static let problem = Phrase(ko: "문제", en: "problem")

    static let all = [title, askPath, relativeTo, kind, automatic, preview, previewTitle, reading, importing, doImport, cancel,
                      close, scroll, file, sheet, ignored, problem, ExportText.car, ExportText.period]
}
