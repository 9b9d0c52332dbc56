import Foundation
import HonsimCore

/// The demo's expenses (실비), made from its completed escorts rather than kept in a CSV of
/// their own, as the day before's calls are: they follow the requests' transports and day
/// offsets. Deterministic: the same seeds and day give the same amounts.
///
/// - About two in three past completed escorts paid something back; on foot nothing.
/// - Fares as the transport has them: bus and subway fares, the volunteer's own way to a
///   center vehicle, a taxi's share, a volunteer's car's fuel with hospital parking.
/// - A meal now and then on a long escort (dialysis, chemotherapy), within the ceiling.
/// - One escort, the latest by taxi, past the default ceiling: a taxi both ways and a meal
///   while waiting, which the expense report shows with its warning.
enum DemoExpenses {
    static func make(_ requests: [EscortRequest], today: CivilDate, calendar: Calendar,
                     ceiling: Int = VolunteerSettings.defaultExpenseCeilingWon) -> [Int64: Expenses] {
        let paid = requests.filter {
            $0.status == .completed && $0.volunteerID != nil && CivilDate($0.appointmentAt, calendar: calendar) < today
        }
        var found: [Int64: Expenses] = [:]
        for request in paid where request.id % 3 != 0 {
            let expenses = usual(request, ceiling: ceiling)
            if !expenses.isEmpty { found[request.id] = expenses }
        }
        let overCeiling = paid.filter { $0.transport == .taxi }.max { ($0.appointmentAt, $0.id) < ($1.appointmentAt, $1.id) }
        if let overCeiling {
            found[overCeiling.id] = Expenses(fares: ceiling - 3_200, meals: 9_000)
        }
        return found
    }

    /// What one escort paid back, by its transport; a meal only where it keeps within the ceiling.
    private static func usual(_ request: EscortRequest, ceiling: Int) -> Expenses {
        let id = Int(request.id)
        var expenses: Expenses
        switch request.transport {
        case .publicTransport: expenses = Expenses(fares: 1_500 * (2 + id % 3))
        case .centerVehicle: expenses = Expenses(fares: id % 2 == 0 ? 3_000 : 0)
        case .taxi: expenses = Expenses(fares: 6_800 + (id % 9) * 700)
        case .volunteerCar: expenses = Expenses(fares: 4_000 + (id % 4) * 1_000, parking: 2_000 + (id % 5) * 1_000)
        case .walk: return Expenses()
        }
        let meal = 8_000 + (id % 3) * 500
        if request.expectedMinutes >= 240 && id % 5 == 1 && expenses.total + meal <= ceiling {
            expenses.meals = meal
        }
        return expenses
    }
}
