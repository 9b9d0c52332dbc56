import Foundation
import Testing

/// `honsim calls`: the call list of a day from the command line, on a seeded demo store.
@Suite("honsim calls")
struct CallsCommandTests {
    @Test func tomorrowsListInTextAndJSONAndADayWithNothing() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let text = try store.run(["calls"])
        #expect(text.status == 0, "\(text.stderr)")
        let first = try #require(text.stdout.split(separator: "\n").first)
        #expect(first.contains("ready") && first.contains("unreached"), "the day at a glance first: \(first)")
        #expect(text.stdout.contains("household ") && text.stdout.contains("volunteer "))

        let json = try store.run(["calls", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let escorts = try #require(object["escorts"] as? [[String: Any]])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect((summary["total"] as? Int) == escorts.count && !escorts.isEmpty)
        #expect(text.stdout.contains(object["day"] as? String ?? "?"), "the same day, tomorrow, in both forms")
        // An admin sees the households in full: the list is recorded in the access log.
        let audit = try store.run(["export", "audit"]).stdout
        #expect(audit.contains("export,calls "))

        let empty = try store.run(["calls", "--day", "2001-01-01"], lang: "ko")
        #expect(empty.status == 0 && empty.stdout == "2001-01-01: 이 날에는 동행이 없습니다\n")
        let bad = try store.run(["calls", "--day", "2026-02-30"])
        #expect(bad.status != 0 && bad.stderr.contains("--day '2026-02-30' is not a date"))
    }

    @Test func aVehicleBookingConfirmedNeedsTheCentersReference() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let json = try store.run(["calls", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let escorts = try #require(object["escorts"] as? [[String: Any]])
        let toBook = try #require(escorts.first { $0["booking"] as? String == "to_book" }, "the demo has a vehicle to book tomorrow")
        let id = try #require((toBook["request_id"] as? NSNumber)?.int64Value)
        let missing = try store.run(["booking", String(id), "confirmed"])
        #expect(missing.status == 1 && missing.stderr.contains("needs the center's booking reference"))
        let done = try store.run(["booking", String(id), "confirmed", "--reference", "AY-031", "--vehicle", "착한수레 3호"])
        #expect(done.status == 0 && done.stdout == "#\(id): confirmed AY-031 착한수레 3호\n", "\(done.stderr)")
        let after = try store.run(["calls", "--format", "json"]).stdout
        #expect(after.contains("\"booking_reference\": \"AY-031\""))
        let bad = try store.run(["booking", String(id), "booked"])
        #expect(bad.status != 0 && bad.stderr.contains("'booked' is not a booking status"))
        #expect(try store.run(["check"]).status == 0)
    }

    @Test func aRefusedBookingListsTheOtherTransportsAndChangesToOneOfThem() throws {
        let store = try SeededStore()
        defer { store.remove() }
        let json = try store.run(["calls", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let escorts = try #require(object["escorts"] as? [[String: Any]])
        let toBook = try #require(escorts.first { $0["booking"] as? String == "to_book" && $0["transport"] as? String == "center_vehicle" })
        let id = String(try #require((toBook["request_id"] as? NSNumber)?.int64Value))
        let refused = try store.run(["booking", id, "refused"])
        #expect(refused.status == 0 && refused.stdout.hasPrefix("#\(id): refused\n"), "\(refused.stderr)")
        // The center's vehicle is what was refused: every other transport is offered, not it.
        #expect(refused.stdout.contains("other transports: public transport (public_transport), taxi (taxi)"))
        #expect(!refused.stdout.contains("(center_vehicle)"))
        #expect(try store.run(["booking", id, "confirmed", "--reference", "A-1", "--transport", "taxi"]).stderr
            .contains("--transport goes with a refused booking"))
        #expect(try store.run(["booking", id, "refused", "--transport", "rocket"]).stderr.contains("'rocket' is not a transport"))
        let changed = try store.run(["booking", id, "refused", "--transport", "public_transport"], lang: "ko")
        #expect(changed.status == 0 && changed.stdout.contains("#\(id): 교통편을 대중교통(으)로 바꿨습니다"), "\(changed.stderr)")
        let after = try #require(try JSONSerialization.jsonObject(with: Data(store.run(["calls", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let escort = try #require((after["escorts"] as? [[String: Any]])?.first { ($0["request_id"] as? NSNumber)?.stringValue == id })
        #expect(escort["transport"] as? String == "public_transport")
        #expect(try store.run(["check"]).status == 0)
    }
}
