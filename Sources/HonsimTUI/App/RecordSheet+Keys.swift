import Foundation
import HonsimCore
import HonsimStore

/// Keys on the household and volunteer pages: ↑ ↓ scroll, `e` edit, `n` a new record of the
/// same kind, `w` the volunteer's hours and days off, `x` close (or reopen), Esc back.
/// Changes are offered only to those whose role allows them for the record's dong.
extension AppState {
    mutating func handleRecordKey(_ key: Key, _ current: RecordSheet) -> [Effect] {
        var sheet = current
        defer { if case .records = overlay { overlay = .records(sheet) } }
        switch sheet.mode {
        case .page: return pageKey(key, &sheet)
        case .form(var form):
            let effects = formKey(key, &form, &sheet)
            if case .form = sheet.mode { sheet.mode = .form(form) }
            return effects
        case .availability(var grid):
            let effects = gridKey(key, &grid, &sheet)
            if case .availability = sheet.mode { sheet.mode = .availability(grid) }
            return effects
        case .dropOuts(let volunteerID, let requests):
            switch key {
            case .character("R"), .enter:
                guard !sheet.busy else { return [] }
                sheet.busy = true
                return [.records(.release(volunteerID: volunteerID, requestIDs: requests.map(\.id), reason: text(RecordText.releaseReason)))]
            case .escape:
                sheet.mode = .page
                notice = text(RecordText.dropOutsLeft)
            default: break
            }
        case .confirmClose:
            sheet.mode = .page
            guard key == .character("y") || key == .character("Y") else { return [] }
            if var record = sheetRecord(sheet) {
                switch record {
                case .household(var h): h.closed.toggle(); record = .household(h)
                case .volunteer(var v): v.closed.toggle(); record = .volunteer(v)
                }
                sheet.busy = true
                return [.records(.save(record, expectedVersion: version(of: record), allowDuplicate: true))]
            }
        }
        return []
    }

    func sheetRecord(_ sheet: RecordSheet) -> RecordForm.Record? {
        if let h = sheet.household?.household { return .household(h) }
        if let v = sheet.volunteer?.volunteer { return .volunteer(v) }
        return nil
    }

    func version(of record: RecordForm.Record) -> Int {
        switch record {
        case .household(let h): h.version
        case .volunteer(let v): v.version
        }
    }

    private mutating func pageKey(_ key: Key, _ sheet: inout RecordSheet) -> [Effect] {
        let mayChange = access.canChange(dongCode: sheet.dongCode)
        let refuse = { (state: inout AppState) in state.notice = state.text(state.access.refusal(dongNames: state.accessDongNames)) }
        switch key {
        case .escape, .character("q"): overlay = nil
        case .down, .character("j"): sheet.offset += 1
        case .up, .character("k"): sheet.offset = max(0, sheet.offset - 1)
        case .pageDown: sheet.offset += 10
        case .pageUp: sheet.offset = max(0, sheet.offset - 10)
        case .character("e"):
            guard mayChange else { refuse(&self); return [] }
            // A form filled from a masked record would save the masks: edit only what came in full.
            guard sheet.household?.isFull != false else {
                notice = text(RecordText.maskedCannotEdit)
                return []
            }
            guard let record = sheetRecord(sheet), let dongs = data?.dongs else { return [] }
            sheet.mode = .form(RecordForm(record, dongs: dongs, language: language))
        case .character("n"):
            let household = sheet.household != nil
            return openNewRecord(household: household)
        case .character("w"):
            guard let volunteer = sheet.volunteer?.volunteer else { return [] }
            guard mayChange else { refuse(&self); return [] }
            sheet.mode = .availability(AvailabilityGrid(volunteer: volunteer))
        case .character("x"):
            guard sheetRecord(sheet) != nil else { return [] }
            guard mayChange else { refuse(&self); return [] }
            sheet.mode = .confirmClose
        default: break
        }
        return []
    }

    private mutating func formKey(_ key: Key, _ form: inout RecordForm, _ sheet: inout RecordSheet) -> [Effect] {
        guard let dongs = data?.dongs else { return [] }
        let year = CivilDate(now, calendar: calendar).year
        if form.confirmingDiscard {
            form.confirmingDiscard = false
            if key == .character("y") || key == .character("Y") { leaveForm(&sheet) }
            return []
        }
        if form.theirs != nil {
            switch key {
            case .character("k"):
                // Keep theirs: the form closes and the page shows the record as it now is.
                leaveForm(&sheet)
                return [reloadEffect(sheet)].compactMap { $0 }
            case .character("m"):
                guard let mine = form.validate(dongs: dongs, currentYear: year, language: language, only: nil), !sheet.busy else { return [] }
                sheet.busy = true
                return [.records(.save(mine, expectedVersion: form.version, allowDuplicate: form.allowDuplicate))]
            case .escape:
                // Go on editing against their version: the next save overwrites it knowingly.
                if let theirs = form.theirs { form.base = keepingVersion(form.base, of: theirs) }
                form.theirs = nil
                form.message = nil
                return []
            default: return []
            }
        }
        let left = form.form.fields.indices.contains(form.form.focus) ? form.form.fields[form.form.focus].key : ""
        switch form.form.handle(key) {
        case .edited, .moved:
            form.touched.insert(left)
            form.allowDuplicate = false
            _ = form.validate(dongs: dongs, currentYear: year, language: language, only: form.touched)
        case .submit:
            guard !sheet.busy else { return [] }
            guard let record = form.validate(dongs: dongs, currentYear: year, language: language, only: nil) else {
                form.form.focusFirstError()
                return []
            }
            sheet.busy = true
            return [.records(.save(record, expectedVersion: form.version, allowDuplicate: form.allowDuplicate))]
        case .unhandled:
            if key == .escape {
                if form.form.isDirty { form.confirmingDiscard = true } else { leaveForm(&sheet) }
            }
        }
        return []
    }

    /// The record the form edits, carrying the version of `theirs` so a save goes over it.
    func keepingVersion(_ record: RecordForm.Record, of theirs: RecordForm.Record) -> RecordForm.Record {
        switch (record, theirs) {
        case (.household(var h), .household(let t)): h.version = t.version; return .household(h)
        case (.volunteer(var v), .volunteer(let t)): v.version = t.version; return .volunteer(v)
        default: return record
        }
    }

    private mutating func leaveForm(_ sheet: inout RecordSheet) {
        if sheet.subject == nil { overlay = nil } else { sheet.mode = .page }
    }

    private mutating func gridKey(_ key: Key, _ grid: inout AvailabilityGrid, _ sheet: inout RecordSheet) -> [Effect] {
        if grid.editingDaysOff {
            switch key {
            case .tab, .backTab, .up: grid.editingDaysOff = false
            case .enter: return saveGrid(grid, &sheet)
            case .escape: sheet.mode = .page
            default: _ = grid.daysOff.handle(key)
            }
            return []
        }
        switch key {
        case .left, .character("h"): grid.move(days: 0, hours: -1)
        case .right, .character("l"): grid.move(days: 0, hours: 1)
        case .up, .character("k"): grid.move(days: -1, hours: 0)
        case .down, .character("j"):
            if grid.day == 6 { grid.editingDaysOff = true } else { grid.move(days: 1, hours: 0) }
        case .character(" "): grid.toggle()
        case .character("a"): grid.toggleDay()
        case .tab, .backTab: grid.editingDaysOff = true
        case .enter: return saveGrid(grid, &sheet)
        case .escape: sheet.mode = .page
        default: break
        }
        return []
    }

    private mutating func saveGrid(_ grid: AvailabilityGrid, _ sheet: inout RecordSheet) -> [Effect] {
        var grid = grid
        defer { if case .availability = sheet.mode { sheet.mode = .availability(grid) } }
        guard !sheet.busy, var volunteer = sheet.volunteer?.volunteer else { return [] }
        guard let daysOff = grid.parsedDaysOff(today: CivilDate(now, calendar: calendar), calendar: calendar, language: language) else {
            grid.editingDaysOff = true
            return []
        }
        volunteer.availability = grid.availability
        volunteer.daysOff = daysOff
        sheet.busy = true
        return [.records(.save(.volunteer(volunteer), expectedVersion: volunteer.version, allowDuplicate: true))]
    }
}
