import CNcurses

/// What `wget_wch` returned, turned into a `Key`. Pure, so every raw code is tested without
/// a terminal.
enum NcursesKeyMap {
    /// What one `wget_wch` call means.
    enum Decoded: Equatable {
        case key(Key)
        /// KEY_RESIZE: the caller asks curses for the new size.
        case resize
        /// Nothing we use (mouse, keys we do not bind, a stray NUL).
        case ignored
    }

    /// `status` is wget_wch's return value (OK or KEY_CODE_YES); `code` the value it stored.
    static func decode(status: Int32, code: UInt32) -> Decoded {
        if status == KEY_CODE_YES {
            if Int32(bitPattern: code) == KEY_RESIZE { return .resize }
            return keyCode(Int32(bitPattern: code)).map(Decoded.key) ?? .ignored
        }
        return character(code).map(Decoded.key) ?? .ignored
    }

    /// A curses function-key code (KEY_UP, KEY_F(n), …).
    static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        default:
            // KEY_F(0)…KEY_F(63) are consecutive codes.
            let f0 = honsim_key_f(0)
            if code > f0 && code <= f0 + 63 { return .function(Int(code - f0)) }
            return nil
        }
    }

    /// A plain character as the terminal sent it: control codes become named keys.
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            guard let letter = Unicode.Scalar(code + 0x60) else { return nil }
            return .control(Character(letter))
        case 0, 28...31, 0x80...0x9F:
            return nil  // NUL, Ctrl-\ … Ctrl-_, C1 controls: never text
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }
}
