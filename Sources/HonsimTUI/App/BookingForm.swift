import Foundation
import HonsimCore
import HonsimStore

/// The vehicle booking of one escort (`b` in the requests pane and the call list): its status,
/// and once confirmed the center's reference and the vehicle. Checked in place (a confirmed
/// booking needs the reference); who set it last and when is shown above the fields. A
/// booking set to refused goes on to offer a change of transport.
public struct BookingForm: Hashable, Sendable {
    public var request: EscortRequest
    /// The booking as it stood when the form opened.
    public var booking: VehicleBooking
    public var form: FormState
    public var message: String?
    public var retry: WriteRequest?
    public var confirmingDiscard = false
    /// The call list it was opened from, shown again when the form is done.
    public var returnTo: CallSheet?

    public init(request: EscortRequest, booking: VehicleBooking, returnTo: CallSheet? = nil, language: Language) {
        self.request = request
        self.booking = booking
        self.returnTo = returnTo
        let t = { (phrase: Phrase) in phrase.text(language) }
        let statuses = BookingStatus.allCases
        form = FormState(fields: [
            FormField(key: "status", label: t(UIText.fieldBookingStatus),
                      kind: .choice(statuses.map { DomainPhrases.booking($0).text(language) }),
                      choice: statuses.firstIndex(of: booking.status) ?? 0),
            FormField(key: "reference", label: t(UIText.fieldBookingReference), text: booking.reference,
                      placeholder: t(UIText.placeholderBookingReference)),
            FormField(key: "vehicle", label: t(UIText.fieldBookingVehicle), text: booking.vehicle,
                      placeholder: t(UIText.placeholderBookingVehicle)),
        ])
    }

    var status: BookingStatus {
        let statuses = BookingStatus.allCases
        let index = form.field("status")?.choice ?? 0
        return statuses.indices.contains(index) ? statuses[index] : .toBook
    }

    /// The write when every field is sound; otherwise the errors beside their fields.
    mutating func validate(language: Language) -> WriteRequest? {
        let missing = status == .confirmed && form.text("reference").isEmpty
        form.setError("reference", missing ? UIText.errorBookingReference.text(language) : nil)
        guard !form.hasErrors else { return nil }
        return .booking(requestID: request.id, status: status, reference: form.text("reference"), vehicle: form.text("vehicle"))
    }

    mutating func failed(_ failure: WriteFailure, write: WriteRequest) {
        message = failure.message
        retry = failure.retryable ? write : nil
    }

    /// Where the form goes when it closes: back to its call list, or to the panes.
    var back: Overlay? { returnTo.map(Overlay.calls) }
}

extension BookingForm: Component {
    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        let keys = around.keys.form
        if let answer = discardAnswer(key, &confirmingDiscard, around) { return answer.close ? leave() : answer }
        switch form.handle(key, bindings: keys) {
        case .edited:
            // Errors are re-checked as the coordinator types, once they have been shown.
            if form.hasErrors { _ = validate(language: around.language) }
        case .moved:
            break
        case .submit:
            guard !around.writeInFlight else { return .stay }
            guard let write = validate(language: around.language) else {
                form.focusFirstError()
                return .stay
            }
            message = nil
            return .writing(write)
        case .unhandled:
            if keys.matches(key, .back) {
                let reply = escape(dirty: form.isDirty, confirming: &confirmingDiscard)
                return reply.close ? leave() : reply
            }
        }
        return .stay
    }

    /// Closes the form, back to the call list it came from if any.
    private func leave() -> Reply {
        guard let back else { return .closing() }
        var reply = Reply.stay
        reply.replace = back
        return reply
    }
}

/// After a refused booking: the other transports to choose from, or keep the one there is.
/// A choice is a change of the request, written and audited as one.
public struct TransportChoice: Hashable, Sendable {
    public var request: EscortRequest
    public var options: [Transport]
    public var cursor = 0
    public var message: String?
    public var returnTo: CallSheet?

    public init(request: EscortRequest, returnTo: CallSheet? = nil) {
        self.request = request
        self.returnTo = returnTo
        // Public transport first: the usual way round when no vehicle comes.
        options = Transport.allCases.filter { $0 != request.transport }
    }
}

extension TransportChoice: Component {
    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        if around.keys.list.move(&cursor, last: max(0, options.count - 1), for: key) { return .stay }
        switch around.keys.transport.action(for: key) {
        case .choose?:
            guard !around.writeInFlight, options.indices.contains(cursor) else { return .stay }
            message = nil
            return .writing(.transport(requestID: request.id, to: options[cursor], expectedVersion: request.version))
        case .keep?:
            guard let returnTo else { return .closing() }
            var reply = Reply.stay
            reply.replace = .calls(returnTo)
            return reply
        case nil:
            return .stay
        }
    }
}

extension AppState {
    /// `b` in the requests pane: the selected request's booking, if its transport is booked.
    mutating func openBooking() -> [Effect] {
        guard focus == .requests, let request = selectedRequest else {
            notice = text(UIText.notNow)
            return []
        }
        return openBooking(request, booking: data?.bookings[request.id] ?? .unset(for: request), returnTo: nil)
    }

    mutating func openBooking(_ request: EscortRequest, booking: VehicleBooking, returnTo: CallSheet?) -> [Effect] {
        guard request.transport.needsBooking else {
            notice = text(UIText.bookingNotBooked)
            if let returnTo { overlay = .calls(returnTo) }
            return []
        }
        guard access.allows(.booking, dongCode: request.dongCode) else {
            notice = access.refusal(dongNames: accessDongNames).text(language)
            if let returnTo { overlay = .calls(returnTo) }
            return []
        }
        overlay = .booking(BookingForm(request: request, booking: booking, returnTo: returnTo, language: language))
        return []
    }

    /// A booking was set: refused goes on to the change of transport; anything else goes back
    /// to where the form was opened, read again.
    mutating func bookingWritten(requestID: Int64, status: BookingStatus, reference: String) -> [Effect] {
        guard case .booking(let form) = overlay else { return [.load] }
        noticeRole = .ok
        notice = "#\(requestID): \(text(UIText.bookingTitle)) — \(DomainPhrases.booking(status).text(language))"
            + (reference.isEmpty ? "" : " \(TerminalText.sanitize(reference))")
        var effects: [Effect] = [.load]
        if let sheet = form.returnTo { effects.append(sheet.reload) }
        if status == .refused {
            overlay = .transport(TransportChoice(request: form.request, returnTo: form.returnTo))
        } else {
            overlay = form.back
        }
        return effects
    }

    /// The transport was changed: back to the call list it came from, or the panes, read again.
    mutating func transportWritten(_ result: WriteResult) -> [Effect] {
        guard case .transport(let choice) = overlay else { return [.load] }
        noticeRole = .ok
        if let after = result.changed.first {
            notice = "#\(after.id): \(text(UIText.transportChanged)) — \(DomainPhrases.transport(after.transport).text(language))"
        }
        overlay = choice.returnTo.map(Overlay.calls)
        var effects: [Effect] = [.load, .loadStatistics(period.period(now: now, calendar: calendar))]
        if let sheet = choice.returnTo { effects.append(sheet.reload) }
        return effects
    }

    /// A booking or a change of transport failed: the form or the list says why, and keeps what was typed.
    mutating func bookingWriteFailed(_ write: WriteRequest, _ failure: WriteFailure) -> [Effect] {
        switch overlay {
        case .booking(var form):
            form.failed(failure, write: write)
            overlay = .booking(form)
        case .transport(var choice):
            choice.message = failure.message
            overlay = .transport(choice)
        default:
            overlay = .problem(WriteProblem(message: failure.message, retry: failure.retryable ? write : nil))
        }
        return failure.conflict ? [.load] : []
    }
}
