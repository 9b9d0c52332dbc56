import Foundation
import HonsimCore

/// Draws the booking form (the escort, the center to call and by when, who set the booking
/// last, then the fields) and the change of transport offered after a refusal.
extension FormViews {
    func drawBooking(_ sheet: BookingForm, into canvas: inout Canvas) {
        let request = sheet.request, calendar = state.calendar
        var body = AssignDialogView(state: state, theme: theme).requestLines(request)
        if let rule = state.vehicleRules.rule(for: request.transport) {
            if let gap = state.vehicleGap(request, booking: sheet.booking) {
                body.append("\(t(UIText.bookingServiceGap)): \(DomainPhrases.serviceGap(gap).text(state.language))")
            } else if let deadline = state.vehicleRules.deadline(for: request, calendar: calendar) {
                body.append("\(t(UIText.bookingCall)): \(DomainPhrases.bookingCall(rule, deadline: deadline, calendar: calendar).text(state.language))")
            }
        }
        if let at = sheet.booking.updatedAt {
            let day = CivilDate(at, calendar: calendar)
            let when = zeroPadded(day.month, 2) + "-" + zeroPadded(day.day, 2) + " " + ClockTime(at, calendar: calendar).description
            body.append("\(t(UIText.bookingSetBy)): \(DomainPhrases.booking(sheet.booking.status).text(state.language)) "
                        + "(\(TerminalText.sanitize(sheet.booking.updatedBy)), \(when))")
        } else {
            body.append("\(t(UIText.bookingSetBy)): \(t(UIText.bookingNeverSet))")
        }
        drawForm(sheet.form, title: "\(t(UIText.bookingTitle)) — #\(request.id)", body: body, message: sheet.message,
                 confirmingDiscard: sheet.confirmingDiscard, extra: [], into: &canvas)
    }

    func drawTransport(_ choice: TransportChoice, into canvas: inout Canvas) {
        let request = choice.request
        var body = AssignDialogView(state: state, theme: theme).requestLines(request)
        body.append("\(t(UIText.transportNow)): \(DomainPhrases.transport(request.transport).text(state.language))")
        body.append("")
        let keys = state.keymap.dialogs.transport
        let buttons: [(key: String, label: String)] = [
            (keys.label(.choose), t(TransportKey.choose.phrase)), (keys.label(.keep), t(TransportKey.keep.phrase)),
        ]
        let width = min(canvas.width - 4, 90)
        let area = Dialog.draw(into: &canvas, title: "\(t(UIText.transportTitle)) — #\(request.id)", body: body, buttons: buttons,
                               width: width, contentHeight: choice.options.count + 1, lines: state.lines, theme: theme)
        guard area.height > 0 else { return }
        for (index, transport) in choice.options.enumerated() where index < area.height {
            let selected = index == choice.cursor
            let line = "\(selected ? "▸" : " ") \(DomainPhrases.transport(transport).text(state.language))"
            canvas.write(WidgetSupport.fit(line, area.width), x: area.x, y: area.y + index, width: area.width,
                         style: theme.style(selected ? .selection : .dialog))
        }
        if let message = choice.message, choice.options.count < area.height {
            canvas.write(WidgetSupport.fit(message, area.width), x: area.x, y: area.y + choice.options.count,
                         style: WidgetSupport.layer(theme.style(.error), over: theme.style(.dialog)), clip: area)
        }
    }
}
