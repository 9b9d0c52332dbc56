import Foundation
import HonsimCore
import Testing
@testable import HonsimTUI

/// The centers that book vehicles, from `[vehicles]`: Anyang's two built in, changed or added
/// per center, and every mistake named as file:line:key with the built-in rules used.
@Suite("Vehicle centers in config")
struct VehicleConfigTests {
    let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul") ?? .current
        return calendar
    }()

    func escort(_ transport: Transport, day: Int, hour: Int, returnTrip: Bool = false, minutes: Int = 120) -> EscortRequest {
        let pickup = CivilDate(year: 2026, month: 12, day: day).start(in: calendar).addingTimeInterval(TimeInterval(hour * 3600))
        return EscortRequest(id: 7, householdID: 1, dongCode: "41171-11", hospital: "안양샘병원", appointmentAt: pickup.addingTimeInterval(1800),
                             pickupAt: pickup, returnTrip: returnTrip, transport: transport, expectedMinutes: minutes, status: .assigned,
                             volunteerID: 1, createdAt: pickup.addingTimeInterval(-7 * 86400))
    }

    @Test func withoutASettingTheCentersAreAnyangsWithTheirNumbersAndHours() throws {
        let rules = try DashboardConfig.parse("", file: "config.toml").vehicleRules
        #expect(rules == .anyang)
        #expect(rules.rule(for: .centerVehicle)?.phone == "1666-0420")
        #expect(rules.rule(for: .taxi)?.phone == "031-400-7990")
        #expect(rules.rule(for: .publicTransport) == nil)
        // 2026-12-06 is a Sunday: the voucher taxi does not run; the center's vehicle does.
        #expect(rules.serviceGap(for: escort(.taxi, day: 6, hour: 9), calendar: calendar) == .closedDay(center: "바우처택시", weekday: .sun))
        #expect(rules.serviceGap(for: escort(.centerVehicle, day: 6, hour: 9), calendar: calendar) == nil)
        #expect(rules.serviceGap(for: escort(.taxi, day: 7, hour: 6), calendar: calendar)
                == .outsideHours(center: "바우처택시", time: ClockTime(minutes: 6 * 60), opens: ClockTime(minutes: 7 * 60), closes: ClockTime(minutes: 18 * 60)))
        #expect(rules.serviceGap(for: escort(.taxi, day: 7, hour: 15, returnTrip: true, minutes: 240), calendar: calendar)
                == .outsideHours(center: "바우처택시", time: ClockTime(minutes: 19 * 60), opens: ClockTime(minutes: 7 * 60), closes: ClockTime(minutes: 18 * 60)),
                "the way back at 19:00 is past its hours")
        #expect(rules.serviceGap(for: escort(.taxi, day: 7, hour: 9), calendar: calendar) == nil)
        let gap = try #require(rules.serviceGap(for: escort(.taxi, day: 6, hour: 9), calendar: calendar))
        #expect(DomainPhrases.serviceGap(gap).ko == "바우처택시: 일요일 운행 안 함")
        #expect(DomainPhrases.serviceGap(gap).en == "바우처택시: does not run on Sun")
    }

    @Test func aCenterIsChangedByItsNameAndANewOneTakesTheTransportsItLists() throws {
        let config = try DashboardConfig.parse("""
            [vehicles]
            warning_hours = 48
            [vehicles."착한수레"]
            phone = "031-389-5200"
            cutoff = "16:00"
            days_ahead = 2
            [vehicles."동안구 복지택시"]
            phone = "031-000-0000"
            transports = ["taxi"]
            cutoff = "12:00"
            hours = "08:00-20:00"
            days = ["mon", "tue", "wed", "thu", "fri"]
            """, file: "config.toml")
        let rules = config.vehicleRules
        #expect(rules.warning == 48 * 3600)
        let center = try #require(rules.rule(for: .centerVehicle))
        #expect(center.name == "착한수레" && center.phone == "031-389-5200" && center.cutoff == ClockTime(minutes: 16 * 60) && center.daysAhead == 2)
        #expect(center.days.count == 7 && center.closes == ClockTime(minutes: 24 * 60), "what is not set stays the built-in's")
        let taxi = try #require(rules.rule(for: .taxi))
        #expect(taxi.name == "동안구 복지택시" && taxi.opens == ClockTime(minutes: 8 * 60) && !taxi.days.contains(.sat))
        let request = escort(.centerVehicle, day: 10, hour: 9)
        #expect(rules.deadline(for: request, calendar: calendar)
                == CivilDate(year: 2026, month: 12, day: 8).start(in: calendar).addingTimeInterval(16 * 3600))
    }

    @Test("a mistake names the file, the line and the key", arguments: [
        ("[vehicles.\"착한수레\"]\ncutoff = \"25:00\"\n", 2, "vehicles.착한수레.cutoff", "expected a time of day like \"17:00\", found '25:00'"),
        ("[vehicles.\"착한수레\"]\nphone = \"1\"\ndays_ahead = -1\n", 3, "vehicles.착한수레.days_ahead", "0 or more"),
        ("[vehicles.\"바우처택시\"]\nhours = \"18:00-07:00\"\n", 2, "vehicles.바우처택시.hours", "expected the hours it runs"),
        ("[vehicles.\"바우처택시\"]\ndays = [\"mon\", \"someday\"]\n", 2, "vehicles.바우처택시.days", "'someday' is not a day"),
        ("[vehicles.\"바우처택시\"]\ntransports = [\"walk\"]\n", 2, "vehicles.바우처택시.transports", "'walk' is not a transport that is booked"),
        ("[vehicles.\"바우처택시\"]\ncolour = \"red\"\n", 2, "vehicles.바우처택시.colour", "unknown key (use phone, transports"),
        ("[vehicles]\nwarning_hours = -3\n", 2, "vehicles.warning_hours", "0 or more"),
        ("vehicles = 3\n", 1, "vehicles", "expected a [vehicles] table"),
    ] as [(String, Int, String, String)])
    func errors(text: String, line: Int, key: String, message: String) {
        let error = #expect(throws: ConfigError.self) { try DashboardConfig.parse(text, file: "config.toml") }
        #expect(error?.line == line)
        #expect(error?.key == key)
        #expect(error?.message.contains(message) == true, "\(error?.description ?? "")")
    }

    @Test func aFileWithAMistakeGivesTheBuiltInRulesAndTheError() throws {
        let folder = NSTemporaryDirectory() + "honsim-vehicles-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/config.toml"
        try Data("[vehicles.\"착한수레\"]\nphone = \"031-1\"\ncutoff = \"5pm\"\n".utf8).write(to: URL(fileURLWithPath: path))
        let (config, error) = DashboardConfig.load(path: path)
        #expect(config.vehicleRules == .anyang)
        #expect(error?.description == "\(path):3: vehicles.착한수레.cutoff: expected a time of day like \"17:00\", found '5pm'")
    }
}
