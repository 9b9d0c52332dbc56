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
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "The request's id.") var requestID: Int64
    @Argument(help: ArgumentHelp("The booking's status.", valueName: BookingStatus.allCases.map(\.rawValue).joined(separator: "|")))
    var status: String
    @Option(help: "The center's booking reference.") var reference = ""
    @Option(help: "The vehicle, as the center names it.") var vehicle = ""

    func validate() throws {
        if BookingStatus(rawValue: status) == nil {
            throw ValidationError("'\(status)' is not a booking status (\(BookingStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func run() async throws {
        try await reportingErrors(options.language) {
            let store = try await options.open()
            let booking = try await store.setBooking(requestID: requestID, status: BookingStatus(rawValue: status) ?? .toBook,
                                                     reference: reference, vehicle: vehicle)
            let words = DomainPhrases.booking(booking.status).text(options.language)
            emit("#\(requestID): \(words)\(booking.reference.isEmpty ? "" : " \(booking.reference)")\(booking.vehicle.isEmpty ? "" : " \(booking.vehicle)")\n")
        }
    }
}
