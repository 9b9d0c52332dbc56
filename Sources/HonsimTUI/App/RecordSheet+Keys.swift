import Foundation
import HonsimCore
import HonsimStore

/// Keys on the household and volunteer pages (`[keys.record]`): ↑ ↓ scroll, `e` edit, `n` a
/// new record of the same kind, `w` the volunteer's hours and days off, `x` close (or
/// reopen), Esc back. Changes are offered only to those whose role allows them for the
/// record's dong; every save goes down the one write path.
extension RecordSheet: Component {
    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        let keys = around.keys.record
        switch mode {
        case .page: return pageKey(key, around)
        case .form(var form):
            let reply = formKey(key, &form, around)
            if case .form = mode { mode = .form(form) }
            return reply
        case .availability(var grid):
            let reply = gridKey(key, &grid, around)
            if case .availability = mode { mode = .availability(grid) }
            return reply
        case .dropOuts(let volunteerID, let requests):
            if keys.matches(key, .release) {
                guard !busy else { return .stay }
                busy = true
                return .writing(.release(volunteerID: volunteerID, requestIDs: requests.map(\.id),
                                         reason: around.text(RecordText.releaseReason)))
            }
            if keys.matches(key, .keepAssigned) {
                mode = .page
                return Reply(notice: around.text(RecordText.dropOutsLeft))
            }
        case .confirmClose:
            mode = .page
            guard around.keys.form.matches(key, .yes), var record else { return .stay }
            switch record {
            case .household(var h): h.closed.toggle(); record = .household(h)
            case .volunteer(var v): v.closed.toggle(); record = .volunteer(v)
            }
            busy = true
            return .writing(.save(record, expectedVersion: record.version, allowDuplicate: true))
        }
        return .stay
    }

    /// The record the page shows, once read.
    var record: RecordForm.Record? {
        if let h = household?.household { return .household(h) }
        if let v = volunteer?.volunteer { return .volunteer(v) }
        return nil
    }

    /// The page read again (after a save, or to show another coordinator's newer record).
    var reloadEffect: Effect? {
        switch subject {
        // As it was read: a page shown masked stays masked; one shown in full (or just made) is
        // read in full again, and that view logged again.
        case .household(let id): .records(.loadHousehold(id, reveal: household?.isFull == false ? .masked : .full(requestID: nil)))
        case .volunteer(let id): .records(.loadVolunteer(id))
        case nil: nil
        }
    }

    /// A sheet for a record being added, in the person's first dong, or a refusal.
    static func opening(newHousehold: Bool, _ around: Surroundings) -> Reply {
        guard let dongs = around.data?.dongs, around.access.role != .viewer, !around.access.readOnly else {
            return Reply(notice: around.text(around.access.refusal(dongNames: around.accessDongNames)))
        }
        let dong = dongs.dongs.first { around.access.dongCodes.contains($0.code) }?.code ?? ""
        let record: RecordForm.Record = newHousehold
            ? .household(Household(id: 0, dongCode: dong, name: "", birthYear: 0, gender: .female))
            : .volunteer(Volunteer(id: 0, dongCode: dong, name: "", gender: .female))
        var sheet = RecordSheet(subject: nil)
        sheet.mode = .form(RecordForm(record, dongs: dongs, language: around.language,
                                      eligibility: newHousehold ? HouseholdEligibility() : nil))
        var reply = Reply(replace: .records(sheet))
        if newHousehold { reply.effects = [.records(.loadRules)] }
        return reply
    }

    private mutating func pageKey(_ key: Key, _ around: Surroundings) -> Reply {
        let mayChange = around.access.canChange(dongCode: dongCode)
        let refusal = Reply(notice: around.text(around.access.refusal(dongNames: around.accessDongNames)))
        switch around.keys.list.action(for: key) {
        case .down?: offset += 1; return .stay
        case .up?: offset = max(0, offset - 1); return .stay
        case .pageDown?: offset += 10; return .stay
        case .pageUp?: offset = max(0, offset - 10); return .stay
        case .top?, .bottom?, nil: break
        }
        switch around.keys.record.action(for: key) {
        case .back?: return .closing()
        case .edit?:
            guard mayChange else { return refusal }
            // A form filled from a masked record would save the masks: edit only what came in full.
            guard household?.isFull != false else { return Reply(notice: around.text(RecordText.maskedCannotEdit)) }
            guard let record, let dongs = around.data?.dongs else { return .stay }
            // The eligibility is edited with the household when the page read it in full.
            let standing = household?.standing
            let eligibility = standing?.isMasked == false ? standing?.eligibility : nil
            mode = .form(RecordForm(record, dongs: dongs, language: around.language, eligibility: eligibility))
            if eligibility != nil, rules == nil { return Reply(effects: [.records(.loadRules)]) }
        case .new?:
            return RecordSheet.opening(newHousehold: household != nil, around)
        case .hours?:
            guard let volunteer = volunteer?.volunteer else { return .stay }
            guard mayChange else { return refusal }
            mode = .availability(AvailabilityGrid(volunteer: volunteer))
        case .closeRecord?:
            guard record != nil else { return .stay }
            guard mayChange else { return refusal }
            mode = .confirmClose
        case .release?, .keepAssigned?, .keepTheirs?, .keepMine?, .editOn?, nil: break
        }
        return .stay
    }

    private mutating func formKey(_ key: Key, _ form: inout RecordForm, _ around: Surroundings) -> Reply {
        guard let dongs = around.data?.dongs else { return .stay }
        let year = CivilDate(around.now, calendar: around.calendar).year
        let version = form.version, allowDuplicate = form.allowDuplicate, eligibility = form.typedEligibility
        let save = { (record: RecordForm.Record) in
            WriteRequest.save(record, expectedVersion: version, allowDuplicate: allowDuplicate, eligibility: eligibility)
        }
        if form.confirmingDiscard {
            form.confirmingDiscard = false
            return around.keys.form.matches(key, .yes) ? leaveForm() : .stay
        }
        if form.theirs != nil {
            switch around.keys.record.action(for: key) {
            case .keepTheirs?:
                // Keep theirs: the form closes and the page shows the record as it now is.
                var reply = leaveForm()
                reply.effects += [reloadEffect].compactMap { $0 }
                return reply
            case .keepMine?:
                guard let mine = form.validate(dongs: dongs, currentYear: year, language: around.language, only: nil), !busy else { return .stay }
                busy = true
                return .writing(save(mine))
            case .editOn?:
                // Go on editing against their version: the next save overwrites it knowingly.
                if let theirs = form.theirs { form.base = form.base.keepingVersion(of: theirs) }
                form.theirs = nil
                form.message = nil
                return .stay
            default: return .stay
            }
        }
        let left = form.form.fields.indices.contains(form.form.focus) ? form.form.fields[form.form.focus].key : ""
        switch form.form.handle(key, bindings: around.keys.form) {
        case .edited, .moved:
            form.touched.insert(left)
            form.allowDuplicate = false
            _ = form.validate(dongs: dongs, currentYear: year, language: around.language, only: form.touched)
        case .submit:
            guard !busy else { return .stay }
            guard let record = form.validate(dongs: dongs, currentYear: year, language: around.language, only: nil) else {
                form.form.focusFirstError()
                return .stay
            }
            busy = true
            return .writing(save(record))
        case .unhandled:
            if around.keys.form.matches(key, .back) {
                if form.form.isDirty { form.confirmingDiscard = true } else { return leaveForm() }
            }
        }
        return .stay
    }

    /// Out of the form: back to the page, or closed when the form was a new record's alone.
    private mutating func leaveForm() -> Reply {
        if subject == nil { return .closing() }
        mode = .page
        return .stay
    }

    private mutating func gridKey(_ key: Key, _ grid: inout AvailabilityGrid, _ around: Surroundings) -> Reply {
        let keys = around.keys.grid
        if grid.editingDaysOff {
            // Typing the days off: letters are text; ↑ or Tab go back to the hours.
            if keys.matches(key, .daysOff, typing: true) || around.keys.list.matches(key, .up, typing: true) {
                grid.editingDaysOff = false
            } else if keys.matches(key, .save, typing: true) {
                return saveGrid(&grid, around)
            } else if keys.matches(key, .back, typing: true) {
                mode = .page
            } else {
                _ = grid.daysOff.handle(key)
            }
            return .stay
        }
        switch around.keys.list.action(for: key) {
        case .up?: grid.move(days: -1, hours: 0); return .stay
        case .down?:
            if grid.day == 6 { grid.editingDaysOff = true } else { grid.move(days: 1, hours: 0) }
            return .stay
        case .pageUp?, .pageDown?, .top?, .bottom?, nil: break
        }
        switch keys.action(for: key) {
        case .left?: grid.move(days: 0, hours: -1)
        case .right?: grid.move(days: 0, hours: 1)
        case .toggle?: grid.toggle()
        case .toggleDay?: grid.toggleDay()
        case .daysOff?: grid.editingDaysOff = true
        case .save?: return saveGrid(&grid, around)
        case .back?: mode = .page
        case nil: break
        }
        return .stay
    }

    private mutating func saveGrid(_ grid: inout AvailabilityGrid, _ around: Surroundings) -> Reply {
        guard !busy, var volunteer = volunteer?.volunteer else { return .stay }
        let today = CivilDate(around.now, calendar: around.calendar)
        guard let daysOff = grid.parsedDaysOff(today: today, calendar: around.calendar, language: around.language) else {
            grid.editingDaysOff = true
            return .stay
        }
        volunteer.availability = grid.availability
        volunteer.daysOff = daysOff
        busy = true
        return .writing(.save(.volunteer(volunteer), expectedVersion: volunteer.version, allowDuplicate: true))
    }
}

extension RecordForm.Record {
    var version: Int {
        switch self {
        case .household(let h): h.version
        case .volunteer(let v): v.version
        }
    }

    /// This record, carrying the version of `theirs` so a save goes over it.
    func keepingVersion(of theirs: RecordForm.Record) -> RecordForm.Record {
        switch (self, theirs) {
        case (.household(var h), .household(let t)): h.version = t.version; return .household(h)
        case (.volunteer(var v), .volunteer(let t)): v.version = t.version; return .volunteer(v)
        default: return self
        }
    }
}
