import Foundation
import HonsimCore
import HonsimStore

/// The call list (`C`): every escort of a day (tomorrow when it opens), what needs a
/// coordinator first, with both sides, their phones as the role shows them, the calls so far
/// and the vehicle. A call is two keys: whom (`v` `h` `f` `e`), then what came of it (`y` `n`
/// `m` `x` `c`), then an optional note (Enter saves it, Esc saves the call without one). The
/// day's reminders are saved for a bulk-SMS service (`M`) or sent (`S`, after a confirmation),
/// see CallSheet+Messages. A volunteer who cannot go is released and the escort opens in the assign
/// dialog, as drop-outs do; a household that cancels goes to the cancel form.
public struct CallSheet: Hashable, Sendable {
    public var day: CivilDate
    /// nil while the day is read; its first screen only (`EscortDay.isWhole`) while the rest is.
    public var list: EscortDay?
    public var cursor = 0
    /// The side chosen with the first key, waiting for the result.
    public var party: ContactParty?
    /// A call whose result is chosen, waiting for its note.
    public var note: CallNote?
    /// The day's reminders about to be sent, waiting for a yes.
    public var sending: SendPlan?

    /// The escorts read whole before the list is first shown: more than a screen holds. A
    /// city's day has thousands, whose households are scattered over the store; the rest
    /// follow at once.
    public static let firstScreen = 100

    public init(day: CivilDate) {
        self.day = day
    }

    /// The day read again (after a call, a booking, another coordinator's change): the whole
    /// day where the whole day is shown, its first screen otherwise.
    var reload: Effect { list?.isWhole == true ? .loadWholeCalls(day) : .loadCalls(day) }

    var selected: DayEscort? {
        guard let escorts = list?.escorts, escorts.indices.contains(cursor) else { return nil }
        return escorts[cursor]
    }
}

extension CallSheet: Component {
    mutating func update(_ key: Key, _ around: Surroundings) -> Reply {
        if note != nil { return typeNote(key, around) }
        if sending != nil { return confirmSending(key, around) }
        let last = max(0, (list?.escorts.count ?? 0) - 1)
        if party == nil, around.keys.list.move(&cursor, last: last, for: key) { return .stay }
        guard let action = around.keys.calls.action(for: key) else { return .stay }
        switch action {
        case .close:
            // Esc after the first key of a call takes back that key only.
            if party != nil { party = nil; return .stay }
            return .closing()
        case .previousDay, .nextDay:
            day = day.adding(days: action == .nextDay ? 1 : -1, calendar: around.calendar)
            list = nil
            cursor = 0
            party = nil
            return Reply(effects: [.loadCalls(day)])
        case .saveMessages:
            return saveMessages(around)
        case .sendMessages:
            return askToSend(around)
        case .saveNote, .skipNote:
            // Only while a note is typed.
            return .stay
        case .volunteer, .household, .family, .center:
            guard let escort = selected else { return .stay }
            // A volunteer's word is about the escort they hold: with none, there is nobody's to record.
            if action == .volunteer, escort.request.volunteerID == nil {
                var reply = Reply.stay
                reply.notice = around.text(UIText.callsNoVolunteer)
                return reply
            }
            party = action.party
            return .stay
        case .confirmed, .noAnswer, .leftMessage, .askedToChange, .cancelled:
            guard let chosen = party, let escort = selected, let result = action.result else {
                var reply = Reply.stay
                reply.notice = around.text(UIText.callsPartyFirst)
                return reply
            }
            party = nil
            guard !around.writeInFlight else { return .stay }
            guard around.access.allows(.confirm, dongCode: escort.request.dongCode) else {
                var reply = Reply.stay
                reply.notice = around.access.refusal(dongNames: around.accessDongNames).text(around.language)
                return reply
            }
            note = CallNote(requestID: escort.request.id, party: chosen, result: result)
            return .stay
        case .booking:
            party = nil
            guard let escort = selected else { return .stay }
            return bookingReply(for: escort, around)
        case .sheet:
            guard let escort = selected else { return .stay }
            guard let volunteerID = escort.request.volunteerID else {
                var reply = Reply.stay
                reply.notice = around.text(SheetText.noVolunteer)
                return reply
            }
            var reply = Reply.stay
            reply.sheet = .write(day: day, volunteerID: volunteerID)
            return reply
        case .typeIn:
            guard let list else { return .stay }
            var reply = Reply.stay
            // The sheets come back in the day's order, all of it.
            guard list.isWhole else {
                reply.notice = around.text(UIText.callsLoading)
                return reply
            }
            reply.sheet = .typeIn(list)
            return reply
        }
    }
}

extension AppState {
    mutating func openCalls() -> [Effect] {
        let tomorrow = CivilDate(now, calendar: calendar).adding(days: 1, calendar: calendar)
        overlay = .calls(CallSheet(day: tomorrow))
        return [.loadCalls(tomorrow)]
    }

    /// The day's escorts came: shown if the list is still open on that day. A first screen
    /// asks for the rest; one that comes after the whole day is shown (asked for before it came)
    /// does not replace it, which stays, with its cursor, until the whole day comes again.
    mutating func callsLoaded(_ day: EscortDay) -> [Effect] {
        guard case .calls(var sheet) = overlay, sheet.day == day.day else { return [] }
        let rest: [Effect] = day.isWhole ? [] : [.loadWholeCalls(day.day)]
        if !day.isWhole, sheet.list?.isWhole == true { return rest }
        sheet.list = day
        sheet.cursor = min(sheet.cursor, max(0, day.escorts.count - 1))
        overlay = .calls(sheet)
        return rest
    }

    /// A call was recorded. The list is read again; a volunteer who cannot go is released
    /// (the assign dialog then opens on the escort), a household that cancels gets the cancel form.
    mutating func attemptWritten(requestID: Int64, party: ContactParty, result: ContactResult) -> [Effect] {
        guard case .calls(let sheet) = overlay else { return [.load] }
        noticeRole = .ok
        notice = "#\(requestID): \(DomainPhrases.party(party).text(language)) — \(DomainPhrases.result(result).text(language))"
        let escort = sheet.list?.escorts.first { $0.request.id == requestID }
        if result == .cancelled, let escort {
            if party == .volunteer, let volunteerID = escort.request.volunteerID {
                return send(.release(volunteerID: volunteerID, requestIDs: [requestID], reason: text(UIText.callsVolunteerCannotGo)))
            }
            if party.isHouseholdSide, Lifecycle.actions(from: escort.request.status).contains(.cancel) {
                overlay = .action(ActionForm(action: .cancel, request: escort.request, language: language))
                return [.load]
            }
        }
        return [sheet.reload, .load]
    }
}

extension AppState {
    /// The centers' rules for booking vehicles, from config (Anyang's by default).
    public var vehicleRules: VehicleRules { get { session.vehicleRules } set { session.vehicleRules = newValue } }

    /// An open request inside its booking deadline without a confirmed vehicle, or one the
    /// center cannot take (its days or hours): flagged as an urgent request is, and counted in
    /// the status bar.
    func needsVehicle(_ request: EscortRequest) -> Bool {
        let booking = data?.bookings[request.id]
        return vehicleRules.needsBooking(request, booking: booking, now: now, calendar: calendar)
            || (request.transport.needsBooking && vehicleGap(request, booking: booking) != nil)
    }

    /// Such requests among those in the dong scope.
    var vehiclesToBookCount: Int {
        (data?.requests ?? []).filter { inScope($0.dongCode) && needsVehicle($0) }.count
    }
}
