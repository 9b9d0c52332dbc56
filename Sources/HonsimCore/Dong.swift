/// An administrative dong (행정동). The code is stable; the name may change, and former
/// names stay searchable (석수3동 became 충훈동 in 2024).
public struct Dong: Sendable, Hashable, Codable, Identifiable {
    public var code: String
    public var name: String
    public var gu: String
    public var formerNames: [String]
    public var renamedYear: Int?

    public var id: String { code }

    public init(code: String, name: String, gu: String, formerNames: [String] = [], renamedYear: Int? = nil) {
        self.code = code
        self.name = name
        self.gu = gu
        self.formerNames = formerNames
        self.renamedYear = renamedYear
    }

    /// Every name the dong is or was known by, current first.
    public var allNames: [String] { [name] + formerNames }
}

/// Looks dongs up by code, current name or former name.
public struct DongDirectory: Sendable {
    public let dongs: [Dong]
    // Positions in `dongs`, not copies of them: a city's 500 dongs under a thousand keys were
    // a third of a megabyte of copies, held by the store and by every open dashboard.
    private let byKey: [String: Int32]
    private let byCode: [String: Int32]

    public init(_ dongs: [Dong]) {
        self.dongs = dongs
        var byKey: [String: Int32] = [:]
        // Former names first, so that a current name always wins a clash.
        for (index, dong) in dongs.enumerated() { for former in dong.formerNames { byKey[DongDirectory.key(former)] = Int32(index) } }
        for (index, dong) in dongs.enumerated() {
            byKey[DongDirectory.key(dong.name)] = Int32(index)
            byKey[DongDirectory.key(dong.code)] = Int32(index)
        }
        self.byKey = byKey
        self.byCode = Dictionary(dongs.enumerated().map { ($1.code, Int32($0)) }, uniquingKeysWith: { first, _ in first })
    }

    public func resolve(_ nameOrCode: String) -> Dong? { byKey[DongDirectory.key(nameOrCode)].map { dongs[Int($0)] } }

    /// By stable code only: a name, current or former, is not a code.
    public func dong(code: String) -> Dong? { byCode[code].map { dongs[Int($0)] } }

    public func gu(of code: String) -> String? { dong(code: code)?.gu }

    private static func key(_ text: String) -> String {
        text.filter { !$0.isWhitespace }.lowercased()
    }
}
