import ArgumentParser
import Foundation
import HonsimCore
import HonsimStore

struct BookingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "booking", abstract: "Set the vehicle booking of an escort by the center's vehicle or a taxi.",
        discussion: """
            STATUS is one of to_book, requested, confirmed, refused, not_needed. A confirmed booking needs the \
            center's --reference; --vehicle names the car. Who set it and when are kept, and the change is audited.
            A refused booking lists the other transports; --transport changes the escort to one of them in the \
            same command (written and audited as a change of the request). Example: honsim booking 12 refused --transport taxi
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "The request's id.") var requestID: Int64
    @Argument(help: ArgumentHelp("The booking's status.", valueName: BookingStatus.allCases.map(\.rawValue).joined(separator: "|")))
    var status: String
    @Option(help: "The center's booking reference.") var reference = ""
    @Option(help: "The vehicle, as the center names it.") var vehicle = ""
    @Option(help: ArgumentHelp("With refused: the escort's transport from now on.",
                               valueName: Transport.allCases.map(\.rawValue).joined(separator: "|")))
    var transport: String?

    func validate() throws {
        if BookingStatus(rawValue: status) == nil {
            throw ValidationError("'\(status)' is not a booking status (\(BookingStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let transport {
            guard Transport(word: transport) != nil else {
                throw ValidationError("'\(transport)' is not a transport (\(Transport.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard status == BookingStatus.refused.rawValue else { throw ValidationError("--transport goes with a refused booking") }
        }
    }

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            let booking = try await store.setBooking(requestID: requestID, status: BookingStatus(rawValue: status) ?? .toBook,
                                                     reference: reference, vehicle: vehicle)
            let words = DomainPhrases.booking(booking.status).text(options.language)
            emit("#\(requestID): \(words)\(booking.reference.isEmpty ? "" : " \(booking.reference)")\(booking.vehicle.isEmpty ? "" : " \(booking.vehicle)")\n")
            guard booking.status == .refused else { return }
            let language = options.language
            if let choice = transport.flatMap(Transport.init(word:)) {
                let changed = try await store.changeTransport(requestID: requestID, to: choice, expectedVersion: nil)
                let name = DomainPhrases.transport(changed.transport).text(language)
                emit(Phrase(ko: "#\(requestID): 교통편을 \(name)(으)로 바꿨습니다\n", en: "#\(requestID): transport changed to \(name)\n").text(language))
            } else {
                // The same choice the dashboard offers after a refusal: every other transport.
                let current = try await store.request(id: requestID).transport
                let others = Transport.allCases.filter { $0 != current }
                    .map { "\(DomainPhrases.transport($0).text(language)) (\($0.rawValue))" }.joined(separator: ", ")
                emit(Phrase(ko: "다른 교통편: \(others) — 바꾸려면: honsim booking \(requestID) refused --transport 교통편\n",
                            en: "other transports: \(others) — to change: honsim booking \(requestID) refused --transport T\n").text(language))
            }
        }
    }
}
