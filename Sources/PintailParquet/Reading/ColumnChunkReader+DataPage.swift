import PintailCore

extension ColumnChunkReader {
    /// Decodes a v1 or v2 data page into levels and converted values.
    mutating func decodeDataPage(_ header: PageHeader, _ body: Range<Int>) throws -> DecodedPage {
        let maxDef = leaf.maxDefinitionLevel, maxRep = leaf.maxRepetitionLevel
        let uncompressed = Int(header.uncompressedPageSize)
        if let v1 = header.dataPage {
            let count = Int(v1.numValues)
            guard count >= 0 else { throw error(.corruptPage, "data page with \(count) values") }
            let leaf = self.leaf
            let dictionaryCount = dictionary?.count
            if readsLazily(v1.encoding), let kind = plainKind {
                // Levels are decoded now; the values stay in the page buffer until the batch copies them.
                let buffer = try pageBuffer(body, size: uncompressed, compressed: true)
                return try finish(decoding { () throws in
                    let (defs, reps, offset) = try Self.v1Levels(buffer.bytes, v1, maxDef: maxDef, maxRep: maxRep, count: count)
                    let present = Self.presentCount(defs, maxDef, count)
                    let plain = try PlainPageValues(buffer: buffer, start: offset, kind: kind, valueCount: present)
                    return (count, defs, reps, .plain(plain), present)
                })
            }
            if streamsIndices(v1.encoding), let dictionaryCount {
                let buffer = try pageBuffer(body, size: uncompressed, compressed: true)
                let keep = keepDictionary
                return try finish(decoding { () throws in
                    let (defs, reps, offset) = try Self.v1Levels(buffer.bytes, v1, maxDef: maxDef, maxRep: maxRep, count: count)
                    let present = Self.presentCount(defs, maxDef, count)
                    let stream = try DictionaryIndexStream(buffer: buffer, start: offset, valueCount: present,
                                                           dictionaryCount: dictionaryCount, keepsDictionaryShape: keep)
                    return (count, defs, reps, .indexStream(stream), present)
                })
            }
            return try finish(withDecompressedPage(body, size: uncompressed, compressed: true) { raw throws in
                let (defs, reps, offset) = try Self.v1Levels(raw, v1, maxDef: maxDef, maxRep: maxRep, count: count)
                let present = Self.presentCount(defs, maxDef, count)
                let result = try PageValueDecoding.decode(UnsafeRawBufferPointer(rebasing: raw[offset...]), encoding: v1.encoding,
                                                          leaf: leaf, count: present, dictionaryCount: dictionaryCount)
                return (count, defs, reps, result, present)
            })
        }
        guard let v2 = header.dataPageV2 else { throw error(.corruptPage, "data page without its header") }
        let count = Int(v2.numValues)
        let repLength = Int(v2.repetitionLevelsByteLength), defLength = Int(v2.definitionLevelsByteLength)
        guard count >= 0, repLength >= 0, defLength >= 0, repLength + defLength <= body.count,
              repLength + defLength <= uncompressed
        else { throw error(.corruptPage, "data page v2 header sizes do not fit the page") }
        var reps: [Int32]?, defs: [Int32]?
        do {
            try chunkBytes { (raw) throws in
                let levels = UnsafeRawBufferPointer(rebasing: raw[body])
                if maxRep > 0 {
                    reps = try LevelDecoding.v2(UnsafeRawBufferPointer(rebasing: levels[0..<repLength]), maxLevel: maxRep, count: count)
                }
                if maxDef > 0 {
                    let section = UnsafeRawBufferPointer(rebasing: levels[repLength..<repLength + defLength])
                    // A flat page without NULLs (one RLE run of the maximum) needs no level array.
                    if maxRep > 0 || !LevelDecoding.allAtMaximum(section, maxLevel: maxDef, count: count) {
                        defs = try LevelDecoding.v2(section, maxLevel: maxDef, count: count)
                    }
                }
            }
        } catch {
            throw self.error(.corruptPage, "\(error)")
        }
        let present = Self.presentCount(defs, maxDef, count)
        let valuesBody = body.lowerBound + repLength + defLength..<body.upperBound
        let leaf = self.leaf
        let dictionaryCount = dictionary?.count
        let compressed = v2.isCompressed && !valuesBody.isEmpty
        if readsLazily(v2.encoding), let kind = plainKind {
            let buffer = try pageBuffer(valuesBody, size: uncompressed - repLength - defLength, compressed: compressed)
            return try finish(decoding { () throws in
                (count, defs, reps, .plain(try PlainPageValues(buffer: buffer, start: 0, kind: kind, valueCount: present)), present)
            })
        }
        if streamsIndices(v2.encoding), let dictionaryCount {
            let buffer = try pageBuffer(valuesBody, size: uncompressed - repLength - defLength, compressed: compressed)
            let keep = keepDictionary
            return try finish(decoding { () throws in
                let stream = try DictionaryIndexStream(buffer: buffer, start: 0, valueCount: present,
                                                       dictionaryCount: dictionaryCount, keepsDictionaryShape: keep)
                return (count, defs, reps, .indexStream(stream), present)
            })
        }
        return try finish(withDecompressedPage(valuesBody, size: uncompressed - repLength - defLength, compressed: compressed) {
            raw throws in
            let result = try PageValueDecoding.decode(raw, encoding: v2.encoding, leaf: leaf, count: present,
                                                      dictionaryCount: dictionaryCount)
            return (count, defs, reps, result, present)
        })
    }

    /// v1 repetition and definition levels at the start of a page; returns them and where the values start.
    /// Definition levels of a flat page without NULLs (one RLE run of the maximum) come back as nil, unexpanded.
    private static func v1Levels(_ raw: UnsafeRawBufferPointer, _ v1: DataPageHeader, maxDef: Int, maxRep: Int, count: Int)
        throws(ParquetDecodeError) -> ([Int32]?, [Int32]?, Int)
    {
        var offset = 0
        var reps: [Int32]?, defs: [Int32]?
        if maxRep > 0 {
            let (levels, used) = try LevelDecoding.v1(raw, encoding: v1.repetitionLevelEncoding, maxLevel: maxRep, count: count)
            reps = levels
            offset += used
        }
        if maxDef > 0 {
            let rest = UnsafeRawBufferPointer(rebasing: raw[offset...])
            if maxRep == 0, v1.definitionLevelEncoding == .rle, let used = LevelDecoding.v1AllAtMaximum(rest, maxLevel: maxDef, count: count) {
                offset += used
            } else {
                let (levels, used) = try LevelDecoding.v1(rest, encoding: v1.definitionLevelEncoding, maxLevel: maxDef, count: count)
                defs = levels
                offset += used
            }
        }
        return (defs, reps, offset)
    }

    /// Runs `body`, turning decoding errors into page errors naming the file and column.
    private func decoding<R>(_ body: () throws -> R) throws -> R {
        do { return try body() } catch let e as ParquetError { throw e } catch { throw self.error(.corruptPage, "\(error)") }
    }

    private static func presentCount(_ defs: [Int32]?, _ maxDef: Int, _ count: Int) -> Int {
        guard let defs else { return count }
        let target = Int32(maxDef)
        var n = 0
        defs.withUnsafeBufferPointer { for d in $0 where d == target { n += 1 } }
        return n
    }

    private func finish(_ parts: (Int, [Int32]?, [Int32]?, PageValueDecoding.Result, Int)) throws -> DecodedPage {
        let (count, levels, reps, result, present) = parts
        // A flat page without NULLs needs no definition levels: later stages take the bulk-copy path.
        let defs = present == count && reps == nil ? nil : levels
        var page = DecodedPage(entryCount: count, definitionLevels: defs, repetitionLevels: reps, values: nil,
                               dictionaryIndices: nil, valueCount: present)
        switch result {
        case .indices(let indices):
            if keepDictionary {
                page.dictionaryIndices = indices
            } else if let dictionary {
                page.values = dictionary.gather(indices)
            }
        case .plain(let plain):
            page.plain = plain
        case .indexStream(let stream):
            page.indexStream = stream
        case .values(let physical):
            do { page.values = try ValueConversion.apply(leaf.conversion, to: physical) } catch {
                throw self.error(.corruptPage, "\(error)")
            }
        }
        return page
    }
}
