import Foundation
import HonsimCore
import HonsimStore

/// Writes a volunteer's run sheet for the dashboard: read (and logged) by the store, rendered
/// as HTML, written readable by its owner alone and never half-written (`PrivateFile`); a
/// second sheet of the same volunteer and day gets -2 rather than replacing the first.
enum RunSheetWriter {
    static func write(_ request: SheetRequest, store: any CaseStore) async -> FileEvent {
        let ko = request.language == .ko
        do {
            let sheets = try await store.runSheets(on: request.day, volunteerID: request.volunteerID)
            let document = RunSheetDocument(sheets: sheets, officePhone: request.officePhone, language: request.language,
                                            calendar: store.calendar, dongs: try await store.dongs())
            if let empty = document.emptyMessage { return .sheetFailed(empty) }
            let export = PaneExport(folder: request.folder, fileName: request.fileName, contents: document.html(), rows: 0)
            return .sheetWritten(path: try PaneExportWriter.write(export), escorts: sheets.pages.first?.escorts.count ?? 0)
        } catch let error as StoreError {
            return .sheetFailed(DashboardLoader.describe(error, language: request.language, calendar: store.calendar))
        } catch let error as FileWriteError {
            return .sheetFailed(error.message(request.language))
        } catch {
            let reason = (error as NSError).localizedDescription
            return .sheetFailed(ko ? "동행 일지를 저장하지 못했습니다: \(reason)" : "could not save the run sheet: \(reason)")
        }
    }
}
