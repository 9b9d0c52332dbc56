import Foundation
import HonsimCore
import HonsimStore

/// The return leg on screen: its form, the marks that pair the two legs in the requests pane,
/// and the line each leg's details give the other.
extension FormViews {
    func drawReturnLeg(_ sheet: ReturnLegForm, into canvas: inout Canvas) {
        let summary = AssignDialogView(state: state, theme: theme).requestLines(sheet.request)
        let extra: [(String, StyleRole)] = sheet.whenCalled ? [(t(ReturnLegText.whenCalledHint), .muted)] : []
        let title = sheet.leg.map { "\(t(ReturnLegText.title)) #\($0.id) — \(t(ReturnLegText.labelOutbound)) #\(sheet.request.id)" }
            ?? "\(t(ReturnLegText.title)) — #\(sheet.request.id)"
        drawForm(sheet.form, title: title, body: summary, message: sheet.message,
                 confirmingDiscard: sheet.confirmingDiscard, extra: extra, into: &canvas)
    }
}

extension AppState {
    /// The hospital as the requests pane lists it: a leg starts with its mark ("귀가"), the way
    /// there of a split escort with "+귀가", so the two rows read as one escort.
    func hospitalColumn(_ request: EscortRequest) -> String {
        let place = request.department.isEmpty ? request.hospital : "\(request.hospital) \(request.department)"
        guard let links = data?.returnLegs else { return place }
        if links.outbound(of: request.id) != nil { return "\(text(ReturnLegText.legMark)) \(place)" }
        if links.leg(of: request.id) != nil { return "\(text(ReturnLegText.outboundMark)) \(place)" }
        return place
    }

    /// The details' line about the other leg, or about the return trip when there is no leg.
    func returnLegDetail(_ request: EscortRequest) -> String {
        let returnLabel = text(UIText.labelReturn)
        guard let data else { return "  \(returnLabel): \(text(request.returnTrip ? UIText.yes : UIText.no))" }
        if let link = data.returnLegs.leg(of: request.id) {
            var words = text(ReturnLegText.request(link.legID))
            if let leg = data.requests.first(where: { $0.id == link.legID }) {
                words += " · \(ClockTime(leg.pickupAt, calendar: calendar))"
                if link.whenCalled { words += " (\(text(ReturnLegText.whenCalled)))" }
                words += " · " + DomainPhrases.status(leg.status).text(language)
                if let id = leg.volunteerID { words += " — " + (data.volunteers.first { $0.id == id }.map { "\($0.name) (#\($0.id))" } ?? "#\(id)") }
            }
            return "  \(text(ReturnLegText.labelLeg)): \(words)"
        }
        if let link = data.returnLegs.outbound(of: request.id) {
            return "  \(text(ReturnLegText.labelOutbound)): \(text(ReturnLegText.request(link.outboundID)))"
                + (link.whenCalled ? " · \(text(ReturnLegText.whenCalled))" : "")
        }
        return "  \(returnLabel): \(text(request.returnTrip ? UIText.yes : UIText.no))"
    }
}
