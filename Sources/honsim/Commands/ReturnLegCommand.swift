import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

/// `honsim return-leg`: the way home as a leg of its own.
struct ReturnLegCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return-leg", abstract: "Split a request's return trip off as a leg of its own: a pickup at the hospital.",
        discussion: """
            The leg is a request of its own, picked up at the hospital at --pickup or --when-called (an hour after the \
            appointment is held for the volunteer). The outbound escort then ends at the appointment. The leg goes to the \
            outbound's volunteer unless --volunteer names another or --no-volunteer leaves it pending; it is checked for \
            overlaps as any assign is, and when the volunteer cannot take it, it stays pending and says why.
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "The outbound request's id.") var requestID: Int64
    @Option(help: ArgumentHelp("The pickup at the hospital, HH:MM, on the appointment's day.", valueName: "time")) var pickup: String?
    @Flag(help: "The household is picked up when the hospital calls.") var whenCalled = false
    @Option(help: "Minutes from the pickup until the volunteer is free.") var minutes = 90
    @Option(help: "Another volunteer for the leg (default: the outbound's).") var volunteer: Int64?
    @Flag(help: "Leave the leg without a volunteer.") var noVolunteer = false
    @Option(help: "text or json.") var format: SeriesFormat = .text

    func validate() throws {
        if whenCalled == (pickup != nil) { throw ValidationError("give one of --pickup HH:MM or --when-called") }
        if let pickup, TypedInput.time(pickup) == nil { throw ValidationError("--pickup '\(pickup)' is not a time like 14:30") }
        if noVolunteer && volunteer != nil { throw ValidationError("--volunteer and --no-volunteer exclude each other") }
    }

    func run() async throws {
        let language = options.language
        try await reportingErrors(language) {
            let store = try await options.open()
            let who: ReturnLegDraft.Volunteer = noVolunteer ? .none : volunteer.map { .other($0) } ?? .same
            let outcome: ReturnLegOutcome
            do {
                outcome = try await store.addReturnLeg(ReturnLegDraft(outboundID: requestID, pickup: pickup.flatMap(TypedInput.time),
                                                                      whenCalled: whenCalled, expectedMinutes: minutes, volunteer: who))
            } catch StoreError.invalidData(let issues) {
                let options = ["pickup": "--pickup", "minutes": "--minutes", "request": "REQUEST", "return_trip": "REQUEST"]
                FileHandle.standardError.write(Data(issues.map { "honsim: return-leg: \(options[$0.field] ?? $0.field): \($0.message.text(language))\n" }
                    .joined().utf8))
                throw ExitCode(1)
            }
            let calendar = store.calendar
            if format == .json {
                emit(SeriesOutput.json(LegJSON(outcome, calendar: calendar)))
                return
            }
            let ko = language == .ko
            var lines = [(ko ? "귀가 구간: 요청 \(outcome.leg.id)번" : "return leg: request \(outcome.leg.id)")
                + " · \(SeriesOutput.stamp(outcome.leg.pickupAt, calendar: calendar))"
                + (outcome.whenCalled ? (ko ? " (연락 오면 출발)" : " (when called)") : "")
                + " · " + DomainPhrases.status(outcome.leg.status).text(language)
                + (outcome.leg.volunteerID.map { " — #\($0)" } ?? "")]
            lines.append((ko ? "가는 길: 요청 \(outcome.outbound.id)번, " : "outbound: request \(outcome.outbound.id), ")
                + (ko ? "\(outcome.outbound.expectedMinutes)분" : "\(outcome.outbound.expectedMinutes) min"))
            if let refusal = outcome.refusal { lines.append((ko ? "봉사자를 배정하지 못했습니다: " : "not assigned: ") + refusal.text(language)) }
            emit(lines.joined(separator: "\n") + "\n")
        }
    }

    struct LegJSON: Encodable {
        let legID: Int64, outboundID: Int64, pickupAt: String, whenCalled: Bool, status: String, volunteerID: Int64?, refusal: String?

        init(_ outcome: ReturnLegOutcome, calendar: Calendar) {
            legID = outcome.leg.id
            outboundID = outcome.outbound.id
            pickupAt = SeriesOutput.stamp(outcome.leg.pickupAt, calendar: calendar)
            whenCalled = outcome.whenCalled
            status = outcome.leg.status.rawValue
            volunteerID = outcome.leg.volunteerID
            refusal = outcome.refusal?.en
        }

        enum CodingKeys: String, CodingKey {
            case status, refusal
            case legID = "leg_id", outboundID = "outbound_id", pickupAt = "pickup_at", whenCalled = "when_called", volunteerID = "volunteer_id"
        }
    }
}
