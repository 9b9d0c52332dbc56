import Foundation
import HonsimCore
import HonsimStore

/// What floats over the panes: help, a request's details, the dong scope picker.
struct OverlayViews {
    let state: AppState
    let theme: Theme

    func draw(into canvas: inout Canvas) {
        switch state.overlay {
        case .help(let offset): drawHelp(into: &canvas, offset: offset)
        case .requestDetails(let id, let shown): drawDetails(into: &canvas, requestID: id, shown: shown)
        case .scopePicker(let selected, let cursor): drawScopePicker(into: &canvas, selected: selected, cursor: cursor)
        case .assign(let dialog): AssignDialogView(state: state, theme: theme).draw(dialog, into: &canvas)
        case .action(let form): FormViews(state: state, theme: theme).drawAction(form, into: &canvas)
        case .newRequest(let form): FormViews(state: state, theme: theme).drawRequest(form, into: &canvas)
        case .activity(let log): ActivityView(state: state, theme: theme).draw(log, into: &canvas)
        case .plan(let sheet): PlanView(state: state, theme: theme).draw(sheet, into: &canvas)
        case .problem(let problem): FormViews(state: state, theme: theme).drawProblem(problem, into: &canvas)
        case .records(let sheet): RecordSheetView(state: state, theme: theme).draw(sheet, into: &canvas)
        case .calls(let sheet): CallSheetView(state: state, theme: theme).draw(sheet, into: &canvas)
        case .booking(let form): FormViews(state: state, theme: theme).drawBooking(form, into: &canvas)
        case .transport(let choice): FormViews(state: state, theme: theme).drawTransport(choice, into: &canvas)
        case .series(let sheet): SeriesSheetView(state: state, theme: theme).draw(sheet, into: &canvas)
        case .credentials(let offset): CredentialsView(state: state, theme: theme).draw(offset: offset, into: &canvas)
        case .returnLeg(let form): FormViews(state: state, theme: theme).drawReturnLeg(form, into: &canvas)
        case nil: break
        }
    }

    func drawHelp(into canvas: inout Canvas, offset: Int) {
        let entry = { (action: Action) in
            HelpEntry(keys: state.keymap.label(action), description: state.text(action.phrase), enabled: state.canUse(action))
        }
        let sections = [
            HelpSection(heading: state.language == .ko ? "창 이동" : "Panes",
                        entries: [Action.nextPane, .previousPane, .requestsPane, .volunteersPane, .statisticsPane].map(entry)),
            HelpSection(heading: state.language == .ko ? "목록" : "Lists",
                        entries: [Action.up, .down, .pageUp, .pageDown, .top, .bottom, .open].map(entry)),
            HelpSection(heading: state.language == .ko ? "보기" : "View",
                        entries: [Action.filter, .sort, .scope, .freeOnly, .previousPeriod, .nextPeriod, .statisticsView, .refresh].map(entry)),
            HelpSection(heading: state.language == .ko ? "요청 처리 (선택한 요청)" : "Requests (the selected one)",
                        entries: [Action.assign, .confirm, .start, .complete, .release, .cancel, .noShow].map(entry)),
            HelpSection(heading: state.language == .ko ? "작업" : "Work",
                        entries: [Action.newRequest, .plan, .undo, .activity, .household, .calls, .booking, .returnLeg, .series, .credentials].map(entry)),
            HelpSection(heading: state.language == .ko ? "파일" : "Files", entries: [Action.importFile, .exportPane, .runSheet].map(entry)),
            HelpSection(heading: state.language == .ko ? "기타" : "Other", entries: [Action.back, .help, .quit].map(entry)),
        ] + state.keymap.dialogs.helpSections(state.language)
        HelpOverlay.draw(into: &canvas, title: "\(state.text(UIText.help)) — \(state.text(UIText.helpClose))", sections: sections,
                         offset: offset, lines: state.lines, theme: theme)
    }

    /// A request's details. Where the screen shows its household in full, the household shown is
    /// the one the store returned (and logged) for these details, and until it comes, a line
    /// saying it is being read; elsewhere it is the pane's, masked.
    func drawDetails(into canvas: inout Canvas, requestID: Int64, shown: HouseholdRecord?) {
        guard let data = state.data, let request = data.requests.first(where: { $0.id == requestID }) else { return }
        let listed = data.households[request.householdID]
        let wantsFull = listed.map(state.showsFullDetails(of:)) ?? false
        let household = wantsFull ? shown?.household : listed
        let full = wantsFull && shown?.isFull == true
        let t = { (phrase: Phrase) in state.text(phrase) }
        let calendar = state.calendar
        let stamp = { (date: Date) in "\(CivilDate(date, calendar: calendar)) \(ClockTime(date, calendar: calendar))" }
        var lines: [String] = []
        if wantsFull && shown == nil { lines += ["\(t(UIText.household))", "  \(t(RecordText.loading))", ""] }
        if let household {
            let age = CivilDate(state.now, calendar: calendar).year - household.birthYear
            lines += [
                "\(t(UIText.household))",
                "  \(t(UIText.labelName)): \(state.householdName(household)) (\(DomainPhrases.gender(household.gender).text(state.language)), \(age))",
                "  \(t(UIText.labelBorn)): \(household.birthYear) · \(state.dongName(household.dongCode))",
                "  \(t(UIText.labelPhone)): \(full ? household.phone : Masking.phone(household.phone))",
                "  \(t(HouseholdFormText.labelFamily)): \(RecordPage.familyLine(household.family, full: full))",
                "  \(t(UIText.labelAddress)): \(full ? household.address : Masking.address(household.address))",
                "  \(t(UIText.labelMobility)): \(DomainPhrases.mobility(household.mobility).text(state.language))",
                "  \(t(UIText.labelNeeds)): \(household.needs.isEmpty ? t(UIText.none) : household.needs.sorted().map { DomainPhrases.need($0).text(state.language) }.joined(separator: ", "))",
                "  \(t(UIText.labelPreferred)): \(household.preferredVolunteerGender.map { DomainPhrases.gender($0).text(state.language) } ?? t(UIText.none))",
                "  \(t(UIText.labelCaseManager)): \(household.caseManager)",
            ]
            if full && !household.notes.isEmpty { lines.append("  \(t(UIText.labelNotes)): \(household.notes)") }
            lines.append("")
        }
        let volunteer = request.volunteerID.flatMap { id in data.volunteers.first { $0.id == id } }
        lines += [
            "\(t(UIText.details)) #\(request.id)",
            "  \(t(UIText.labelHospital)): \(request.hospital) \(request.department)",
            "  \(t(UIText.labelAppointment)): \(stamp(request.appointmentAt))",
            "  \(t(UIText.labelPickup)): \(ClockTime(request.pickupAt, calendar: calendar)) \(request.pickupPlace)",
            state.returnLegDetail(request),
            "  \(t(UIText.labelTransport)): \(DomainPhrases.transport(request.transport).text(state.language))",
        ]
        if request.transport.needsBooking {
            let booking = data.bookings[request.id] ?? .unset(for: request)
            var words = DomainPhrases.booking(booking.status).text(state.language)
            if !booking.reference.isEmpty { words += " \(TerminalText.sanitize(booking.reference))" }
            if !booking.vehicle.isEmpty { words += " \(TerminalText.sanitize(booking.vehicle))" }
            if let by = booking.updatedAt { words += " (\(TerminalText.sanitize(booking.updatedBy)), \(stamp(by)))" }
            if state.needsVehicle(request) { words += " · " + t(UIText.urgent) }
            lines.append("  \(t(UIText.labelBooking)): \(words)")
            if let gap = state.vehicleGap(request, booking: booking) {
                lines.append("  \(t(UIText.bookingServiceGap)): \(DomainPhrases.serviceGap(gap).text(state.language))")
            } else if booking.status.isOpen, let rule = state.vehicleRules.rule(for: request.transport),
                      let deadline = state.vehicleRules.deadline(for: request, calendar: calendar) {
                lines.append("  \(t(UIText.bookingCall)): \(DomainPhrases.bookingCall(rule, deadline: deadline, calendar: calendar).text(state.language))")
            }
        }
        lines += [
            "  \(t(UIText.labelPurpose)): \(DomainPhrases.purpose(request.purpose).text(state.language))",
            "  \(t(UIText.labelDuration)): \(DomainPhrases.duration(minutes: request.expectedMinutes).text(state.language))",
            "  \(t(UIText.labelStatus)): \(DomainPhrases.status(request.status).text(state.language))\(request.isUrgent(now: state.now) ? " · " + t(UIText.urgent) : "")",
            "  \(t(UIText.labelVolunteer)): \(volunteer.map { "\($0.name) (#\($0.id))" } ?? t(UIText.none))",
        ]
        if !request.notes.isEmpty { lines.append("  \(t(UIText.labelNotes)): \(request.notes)") }
        // The calls of the day before, as the store returned them with the household.
        let calls = shown?.attempts[request.id] ?? []
        if !calls.isEmpty {
            lines += ["", t(UIText.callsTitle)] + calls.map { "  " + RecordPage.call(TerminalText.sanitize, $0, calendar: calendar, language: state.language) }
        }
        _ = Dialog.draw(into: &canvas, title: t(UIText.details), body: lines, footer: "Esc", lines: state.lines, theme: theme)
    }

    func drawScopePicker(into canvas: inout Canvas, selected: Set<String>, cursor: Int) {
        let dongs = state.data?.dongs.dongs ?? []
        let lines = dongs.map { dong in
            let mark = selected.contains(dong.code) ? "[x]" : "[ ]"
            let former = dong.formerNames.isEmpty ? "" : " (\(dong.formerNames.joined(separator: ", ")))"
            return "\(mark) \(dong.name)\(former) · \(dong.gu)"
        }
        let widest = lines.map(DisplayWidth.of).max() ?? 20
        let inner = Dialog.draw(into: &canvas, title: state.text(UIText.chooseScope), footer: state.text(UIText.scopeHint),
                                width: max(widest, DisplayWidth.of(state.text(UIText.scopeHint))) + 4,
                                contentHeight: min(lines.count, canvas.height - 6), lines: state.lines, theme: theme)
        // Keep the cursor visible: show the page it is on.
        let visible = max(1, inner.height)
        let first = max(0, min(cursor - visible + 1, lines.count - visible))
        for (row, index) in (first..<min(lines.count, first + visible)).enumerated() {
            let style = theme.style(index == cursor ? .selection : .dialog)
            canvas.write(lines[index], x: inner.x, y: inner.y + row, width: inner.width, style: style)
        }
    }
}
