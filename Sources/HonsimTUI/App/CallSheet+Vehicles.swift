import Foundation
import HonsimCore
import HonsimStore

extension CallSheet {
    /// `b` on an escort of the list: its booking form, which comes back to this list.
    func bookingReply(for escort: DayEscort, _ around: Surroundings) -> Reply {
        var reply = Reply.stay
        guard escort.request.transport.needsBooking else {
            reply.notice = around.text(UIText.bookingNotBooked)
            return reply
        }
        guard around.access.allows(.booking, dongCode: escort.request.dongCode) else {
            reply.notice = around.access.refusal(dongNames: around.accessDongNames).text(around.language)
            return reply
        }
        reply.replace = .booking(BookingForm(request: escort.request, booking: escort.booking, returnTo: self, language: around.language))
        return reply
    }
}

extension AppState {
    /// Why the center cannot take an escort still to come whose vehicle is not settled
    /// (confirmed, or said not needed); nil when it can, or when that no longer matters.
    func vehicleGap(_ request: EscortRequest, booking: VehicleBooking?) -> ServiceGap? {
        guard !request.status.isEnd, request.pickupAt > now, (booking?.status ?? .toBook).isOpen else { return nil }
        return vehicleRules.serviceGap(for: request, calendar: calendar)
    }

    /// The call list's tasks for the vehicles of its day: each escort whose vehicle is still
    /// to book, with the center's number to call and the deadline, or why the center cannot take it.
    func vehicleTasks(_ list: EscortDay) -> [String] {
        list.escorts.compactMap { escort -> String? in
            let request = escort.request
            guard escort.vehicleOpen, !request.status.isEnd, let rule = vehicleRules.rule(for: request.transport) else { return nil }
            let status = DomainPhrases.booking(escort.booking.status).text(language)
            if let gap = vehicleGap(request, booking: escort.booking) {
                return "#\(request.id) \(status) · \(text(UIText.bookingServiceGap)): \(DomainPhrases.serviceGap(gap).text(language))"
            }
            guard let deadline = vehicleRules.deadline(for: request, calendar: calendar) else { return nil }
            return "#\(request.id) \(status) · \(text(UIText.bookingCall)) "
                + DomainPhrases.bookingCall(rule, deadline: deadline, calendar: calendar).text(language)
        }
    }

    /// The requests pane's transport cell: the transport, and for one that is booked, the
    /// booking in a word after it (센터 확정, 택시 미예약).
    func transportWord(_ request: EscortRequest) -> String {
        guard request.transport.needsBooking else { return DomainPhrases.transport(request.transport).text(language) }
        let booking = data?.bookings[request.id] ?? .unset(for: request)
        return DomainPhrases.transportShort(request.transport).text(language) + " "
            + DomainPhrases.bookingShort(booking.status).text(language)
    }
}
