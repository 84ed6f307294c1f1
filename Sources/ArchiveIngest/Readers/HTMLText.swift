internal import CLibXML2

/// Answer HTML to plain text, through libxml2's HTML parser.
///
/// - paragraphs, divs, headings and other blocks become blocks separated by a blank line;
/// - `<br>` is a line break;
/// - list items are `- item`, one a line (`1. item` in ordered lists), nested lists indented;
/// - each table row is one line, its cells joined by ` | `, a caption on its own line first;
/// - entities are decoded, whitespace (no-break spaces too) is collapsed inside blocks, and
///   blocks with no text (`<p>&nbsp;</p>` spacers) leave nothing behind;
/// - `<script>`, `<style>` and the document head are dropped; links keep their text.
///
/// Broken or unclosed markup is recovered the way libxml2 recovers it; nothing here can crash
/// on garbage. The tree is walked once, without recursion, into one byte buffer.
public enum HTMLText {
    /// Plain text of `html`; "" when it holds no text.
    public static func text(fromHTML html: String) -> String {
        _ = parserReady
        var source = html
        return source.withUTF8 { bytes -> String in
            guard bytes.count > 0, bytes.count < Int(Int32.max) else { return "" }
            // Unsafe: libxml2 reads `bytes.count` bytes from the buffer, which `withUTF8` keeps
            // alive and contiguous for this closure; the document it returns owns copies of
            // everything and is freed before the closure returns, so no pointer escapes.
            let document = bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                clx_html_read_utf8($0, Int32(bytes.count))
            }
            guard let document else { return "" }
            defer { xmlFreeDoc(document) }
            var builder = TextBuilder(capacity: bytes.count)
            builder.walk(document)
            return builder.finish()
        }
    }

    /// libxml2 asks to be initialised once, before use from several threads.
    private static let parserReady: Void = { xmlInitParser() }()
}

/// What an element means to the text.
private enum Tag {
    case inline, skip, block, lineBlock, br, list(ordered: Bool), item, table, caption, row, cell
}

/// Element names (lower case, as libxml2's HTML parser gives them) packed little-endian into a
/// UInt64, for names of up to 8 bytes; the two longer names are matched separately.
private let tagTable: [UInt64: Tag] = {
    var table: [UInt64: Tag] = [:]
    func add(_ names: [String], _ tag: Tag) {
        for name in names { table[packedName(Array(name.utf8))] = tag }
    }
    add(["script", "style", "head", "title", "noscript", "template", "svg", "math", "iframe",
         "object", "select", "textarea", "button"], .skip)
    add(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer",
         "main", "nav", "aside", "address", "figure", "pre", "hr", "dl", "form", "fieldset",
         "center"], .block)
    add(["dt", "dd"], .lineBlock)
    add(["br"], .br)
    add(["ul", "menu", "dir"], .list(ordered: false))
    add(["ol"], .list(ordered: true))
    add(["li"], .item)
    add(["table"], .table)
    add(["caption"], .caption)
    add(["tr"], .row)
    add(["td", "th"], .cell)
    return table
}()

private func packedName(_ bytes: [UInt8]) -> UInt64 {
    var key: UInt64 = 0
    for (i, byte) in bytes.prefix(8).enumerated() { key |= UInt64(byte | 0x20) << (8 * UInt64(i)) }
    return key
}

/// Builds the text in one byte buffer. Breaks and spaces are kept pending and written only when
/// the next visible character comes, so nothing trails and empty blocks vanish.
private struct TextBuilder {
    private var out: [UInt8] = []
    /// Newlines owed before the next text: 0, 1 (line break) or 2 (blank line).
    private var pendingBreak = 0
    private var pendingSpace = false
    /// A list marker owed before the next text.
    private var pendingPrefix: [UInt8] = []
    /// Open lists, innermost last, with the next number of each ordered one.
    private var lists: [(ordered: Bool, next: Int)] = []
    /// Cells seen so far in each open table row, innermost last.
    private var rows: [Int] = []
    /// Open table cells: inside one, every break is only a space (a row stays one line).
    private var cellDepth = 0

    init(capacity: Int) { out.reserveCapacity(capacity) }

    func finish() -> String { String(decoding: out, as: UTF8.self) }

    // MARK: Walking

    /// Visits every node once, depth first, with explicit moves along child, sibling and parent
    /// links instead of recursion, so any depth of nesting is safe.
    mutating func walk(_ document: htmlDocPtr) {
        // Unsafe: every pointer followed here belongs to `document`, which the caller keeps
        // alive (and unmodified) until this returns; libxml2 links parents, children and
        // siblings consistently, and the walk stops when it climbs back to the document.
        let top = UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)
        var next: UnsafeMutablePointer<xmlNode>? = document.pointee.children
        while let node = next {
            if enter(node), let child = node.pointee.children {
                next = child
                continue
            }
            var current = node
            while true {
                leave(current)
                if let sibling = current.pointee.next {
                    next = sibling
                    break
                }
                guard let parent = current.pointee.parent, parent != top else {
                    next = nil
                    break
                }
                current = parent
            }
        }
    }

    private func tag(of node: UnsafeMutablePointer<xmlNode>) -> Tag {
        guard let name = node.pointee.name else { return .inline }
        // Unsafe: `name` is a NUL-terminated string owned by the document.
        var length = 0
        var key: UInt64 = 0
        while name[length] != 0 {
            if length < 8 { key |= UInt64(name[length] | 0x20) << (8 * UInt64(length)) }
            length += 1
            if length > 10 { return .inline }
        }
        if length <= 8 { return tagTable[key] ?? .inline }
        let text = String(cString: name).lowercased()
        if text == "blockquote" { return .block }
        if text == "figcaption" { return .lineBlock }
        return .inline
    }

    /// Acts on a node's start; true when its children are to be visited.
    private mutating func enter(_ node: UnsafeMutablePointer<xmlNode>) -> Bool {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { append(content) }
            return false
        case XML_ELEMENT_NODE:
            break
        default:
            return false // comments, processing instructions, DTDs
        }
        switch tag(of: node) {
        case .inline: break
        case .skip: return false
        case .block: requestBreak(2)
        case .lineBlock: requestBreak(1)
        case .br: lineBreak()
        case .list(let ordered):
            requestBreak(lists.isEmpty ? 2 : 1)
            lists.append((ordered, ordered ? startNumber(node) : 1))
        case .item:
            requestBreak(1)
            var marker = [UInt8](repeating: UInt8(ascii: " "), count: 2 * max(0, lists.count - 1))
            if let last = lists.indices.last, lists[last].ordered {
                marker += Array("\(lists[last].next). ".utf8)
                lists[last].next += 1
            } else {
                marker += Array("- ".utf8)
            }
            if cellDepth == 0 { pendingPrefix = marker }
        case .table: requestBreak(2)
        case .caption: requestBreak(1)
        case .row:
            requestBreak(1)
            rows.append(0)
        case .cell:
            if let last = rows.indices.last {
                if rows[last] > 0 { separateCell() }
                rows[last] += 1
            }
            cellDepth += 1
        }
        return true
    }

    /// Acts on a node's end (after its children).
    private mutating func leave(_ node: UnsafeMutablePointer<xmlNode>) {
        guard node.pointee.type == XML_ELEMENT_NODE else { return }
        switch tag(of: node) {
        case .inline, .skip, .br: break
        case .block, .table: requestBreak(2)
        case .lineBlock, .caption, .item: requestBreak(1)
        case .list:
            if !lists.isEmpty { lists.removeLast() }
            requestBreak(lists.isEmpty ? 2 : 1)
        case .row:
            if !rows.isEmpty { rows.removeLast() }
            requestBreak(1)
        case .cell:
            cellDepth = max(0, cellDepth - 1)
        }
    }

    private func startNumber(_ node: UnsafeMutablePointer<xmlNode>) -> Int {
        // Unsafe: xmlGetProp returns a copy the caller must free, freed here before returning.
        guard let value = xmlGetProp(node, "start") else { return 1 }
        defer { clx_free(value) }
        let text = String(cString: value).trimmingSpaces
        guard let number = Int(text), number >= 0, number < 1_000_000 else { return 1 }
        return number
    }

    // MARK: Writing

    private mutating func requestBreak(_ lines: Int) {
        if cellDepth > 0 {
            pendingSpace = true
            return
        }
        pendingBreak = max(pendingBreak, lists.isEmpty ? lines : min(lines, 1))
    }

    private mutating func lineBreak() {
        if cellDepth > 0 {
            pendingSpace = true
            return
        }
        guard !out.isEmpty else { return }
        pendingBreak = min(pendingBreak + 1, lists.isEmpty ? 2 : 1)
    }

    private mutating func separateCell() {
        flush()
        pendingSpace = false
        if out.isEmpty || out.last == UInt8(ascii: "\n") {
            out += Array("| ".utf8)
        } else {
            out += Array(" | ".utf8)
        }
    }

    /// Writes what is owed before the next visible character.
    private mutating func flush() {
        if pendingBreak > 0, !out.isEmpty {
            // The break replaces a space owed before it; lines never end in spaces.
            while out.last == UInt8(ascii: " ") { out.removeLast() }
            if out.last != UInt8(ascii: "\n") || pendingBreak == 2 {
                let have = out.last == UInt8(ascii: "\n") ? 1 : 0
                for _ in have..<pendingBreak { out.append(UInt8(ascii: "\n")) }
            }
            pendingSpace = false
        }
        if !pendingPrefix.isEmpty {
            if out.isEmpty || out.last == UInt8(ascii: "\n") {
                out += pendingPrefix
            } else {
                out.append(UInt8(ascii: " "))
                out += pendingPrefix
            }
            pendingPrefix.removeAll(keepingCapacity: true)
            pendingSpace = false
        } else if pendingSpace, !out.isEmpty, out.last != UInt8(ascii: "\n"), out.last != UInt8(ascii: " ") {
            out.append(UInt8(ascii: " "))
        }
        pendingBreak = 0
        pendingSpace = false
    }

    /// Appends a text node's UTF-8, collapsing runs of white space (ASCII, no-break and the
    /// Unicode spaces) to one pending space and dropping zero-width characters.
    private mutating func append(_ text: UnsafePointer<xmlChar>) {
        // Unsafe: `text` is NUL-terminated and owned by the document; every look-ahead below
        // checks the byte before it is non-zero, so no read passes the terminator.
        var i = 0
        while true {
            let byte = text[i]
            if byte == 0 { return }
            var length = 1
            var space = false
            var drop = false
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B:
                space = true
            case 0xC2:
                let b1 = text[i + 1]
                if b1 == 0xA0 || b1 == 0x85 { space = true; length = 2 }
                else if b1 == 0xAD { drop = true; length = 2 } // soft hyphen
            case 0xE2:
                let b1 = text[i + 1]
                if b1 == 0x80 {
                    let b2 = text[i + 2]
                    switch b2 {
                    case 0x80...0x8A, 0xA8, 0xA9, 0xAF: space = true; length = 3
                    case 0x8B: drop = true; length = 3 // zero-width space
                    default: break
                    }
                } else if b1 == 0x81, text[i + 2] == 0x9F {
                    space = true; length = 3
                } else if b1 == 0x81, text[i + 2] == 0xA0 {
                    drop = true; length = 3 // word joiner
                }
            case 0xE3:
                if text[i + 1] == 0x80, text[i + 2] == 0x80 { space = true; length = 3 }
            case 0xEF:
                if text[i + 1] == 0xBB, text[i + 2] == 0xBF { drop = true; length = 3 } // BOM
            default:
                break
            }
            if space {
                pendingSpace = true
            } else if !drop {
                if pendingBreak > 0 || pendingSpace || !pendingPrefix.isEmpty { flush() }
                out.append(byte)
            }
            i += length
        }
    }
}

extension String {
    /// The string without leading and trailing white space (ASCII and Unicode).
    var trimmingSpaces: String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace || scalar == "\u{FEFF}" }
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !isSpace(first), !isSpace(last) { return self }
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace || first == "\u{FEFF}" { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace || last == "\u{FEFF}" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
