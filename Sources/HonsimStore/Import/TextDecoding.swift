import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a text file was written, as offices' spreadsheets write them.
public enum TextEncodingFound: String, Sendable, Hashable {
    /// UTF-8 without a byte-order mark: most programs, and honsim's own exports.
    case utf8
    /// UTF-8 with a byte-order mark: Excel's "CSV UTF-8".
    case utf8BOM = "utf8-bom"
    /// CP949 (a superset of EUC-KR): what Korean Excel writes as plain "CSV".
    case cp949
    /// UTF-16 with a byte-order mark: Excel's "Unicode text" (tab-separated).
    case utf16

    public var label: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf8BOM: "UTF-8 (BOM)"
        case .cp949: "CP949/EUC-KR"
        case .utf16: "UTF-16"
        }
    }
}

/// Turns a file's bytes into text, whichever of the encodings above it is in. UTF-8 is tried
/// first: a CP949 file with Hangul in it is almost never valid UTF-8, while an ASCII file is both.
enum TextDecoding {
    /// The bytes are in none of the encodings; `line` is where the first undecodable byte is.
    struct Failure: Error, Equatable {
        let line: Int
    }

    static func decode(_ data: Data) throws(Failure) -> (text: String, encoding: TextEncodingFound) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw Failure(line: line(of: firstInvalidUTF8(bytes, from: 3), in: bytes))
            }
            return (text, .utf8BOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = utf16(bytes) else { throw Failure(line: 1) }
            return (text, .utf16)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        switch cp949(bytes) {
        case .success(let text): return (text, .cp949)
        case .failure(let offset): throw Failure(line: line(of: offset, in: bytes))
        }
    }

    private static func utf16(_ bytes: [UInt8]) -> String? {
        let littleEndian = bytes[0] == 0xFF
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        for index in stride(from: 2, to: bytes.count, by: 2) {
            let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
        }
        var text = String.UnicodeScalarView()
        let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF32.self, stoppingOnError: true) { unit in
            if let scalar = Unicode.Scalar(unit) { text.append(scalar) }
        }
        return failed ? nil : String(text)
    }

    enum Converted {
        case success(String)
        /// The byte offset where conversion stopped.
        case failure(Int)
    }

    /// CP949 through the C library's iconv (glibc's gconv modules on Linux, libiconv on macOS):
    /// Foundation on Linux has no Korean encodings.
    static func cp949(_ bytes: [UInt8]) -> Converted {
        guard let converter = openConverter() else { return .failure(0) }
        defer { iconv_close(converter) }
        var input = bytes
        // A CP949 character is one or two bytes and becomes at most three in UTF-8.
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let (stoppedAt, written) = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw -> (Int?, Int) in
                var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                let written = outRaw.count - outLeft
                // (size_t)-1 on an invalid or incomplete sequence.
                return (result == -1 || inLeft > 0 ? inRaw.count - inLeft : nil, written)
            }
        }
        if let stoppedAt { return .failure(stoppedAt) }
        return String(validating: output[0..<written], as: UTF8.self).map(Converted.success) ?? .failure(0)
    }

    private static func openConverter() -> iconv_t? {
        // glibc knows CP949 as "CP949" (also UHC); macOS's libiconv as "CP949".
        for name in ["CP949", "UHC", "EUC-KR"] {
            let converter = iconv_open("UTF-8", name)
            if let converter, converter != iconv_t(bitPattern: -1) { return converter }
        }
        return nil
    }

    /// Where the first byte that does not begin a well-formed UTF-8 character is.
    private static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let length: Int
            switch bytes[index] {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count, String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            else { return index }
            index += length
        }
        return index
    }

    /// The 1-based line that byte `offset` falls on.
    static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        bytes[0..<min(offset, bytes.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }
}
