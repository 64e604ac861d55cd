import PintailCore
import PintailPlanner

/// Joins by building one input (the build side) into a hash table keyed by the join keys — hashed and compared in
/// place over typed key columns (`JoinPartitionedKeyTable`, built on all threads when large); nested key types are encoded as GROUP BY encodes them — and streaming the other (the probe side) through it. Without keys every build row is a
/// candidate for every probe row: a nested-loop join. Candidate pairs are checked against the residual predicate
/// in chunks; output columns are slices of the inputs (no values copied). NULL keys never match. The build side
/// carries one extra all-NULL row, which unmatched probe rows of an outer join point at.
final class HashJoinOperator: Operator {
    struct Options {
        var probeIsLeft = true
        var keepUnmatchedProbe = false
        var keepUnmatchedBuild = false
        /// Semi and anti joins emit probe rows only: those with a match, or those without.
        var semi = false
        var anti = false
        /// Semi/anti joins that build the left input: probing only marks build rows; at the end the build rows
        /// with a match (semi) or without (anti) are the output.
        var emitBuildByMatch = false
    }

    private let probe: Operator
    private let shared: SharedJoinBuild
    private let probeKeys: [CompiledExpression]
    private let residual: CompiledExpression?
    private let options: Options
    private let probeTypes: [DataType]
    /// Candidate pairs examined per output chunk.
    private let chunkPairs = 16_384

    /// Set on the first `next`; until then the build side has not been read.
    private var table: JoinBuildTable? = nil
    private var buildData = Batch(columns: [], count: 0)
    private var buildCount = 0
    private var chainHead: [Int32] = []
    /// Whether a key number is its first build row (the typed key table): then chains start at the key itself and
    /// `chainHead` need not be read, one cache miss less per matched probe row.
    private var keysAreRows = false
    private var chainNext: [Int32] = []
    private var buildMatched: [Bool] = []
    private var unmatchedBuildEmitted = false
    /// Shared by the per-worker copies of a join that emits build rows by match: the last copy emits them.
    private let matches: JoinMatchCollector?
    /// The scan under this copy's probe side, handed a `RuntimeKeyFilter` over `scanKeys` (the probe keys over the
    /// scan's columns) once the table is loaded.
    private let runtimeFilterScan: TableScanOperator?
    private let scanKeys: [BoundExpr]

    private let dictionaryLookup = DictionaryKeyLookup()
    private var current: Batch? = nil
    private var currentGroups: [Int32] = []
    private var currentMatched: [Bool] = []
    private var cursor = 0

    /// Per-worker copies of one join's probe pass the same `shared` build; joins that keep unmatched build rows
    /// or emit build rows by match also pass one `matches` collector (see `needsMatchCollector`).
    init(probe: Operator, shared: SharedJoinBuild, probeKeys: [BoundExpr], residual: BoundExpr?,
         options: Options, probeTypes: [DataType], matches: JoinMatchCollector? = nil,
         runtimeFilterScan: TableScanOperator? = nil, scanKeys: [BoundExpr] = []) throws {
        self.probe = probe
        self.shared = shared
        self.matches = matches
        self.runtimeFilterScan = runtimeFilterScan
        self.scanKeys = scanKeys
        matches?.register()
        self.probeKeys = try probeKeys.map(ExpressionCompiler.compile)
        self.residual = try residual.map(ExpressionCompiler.compile)
        self.options = options
        self.probeTypes = probeTypes
    }

    /// Whether the output of a join with these options depends on which build rows all probe rows matched, so
    /// that per-worker copies need a shared `JoinMatchCollector`.
    static func needsMatchCollector(_ options: Options) -> Bool {
        options.keepUnmatchedBuild || options.emitBuildByMatch
    }

    private var keyless: Bool { shared.keyless }

    func next() throws -> Batch? {
        if table == nil { try loadTable() }
        while true {
            try StatementControl.checkCancelled()
            if current == nil {
                guard let batch = try probe.next() else { break }
                if batch.count == 0 { continue }
                current = batch
                cursor = 0
                currentMatched = [Bool](repeating: false, count: batch.count)
                currentGroups = keyless ? [] : try lookup(try probeKeys.map { try $0(batch) }, count: batch.count)
            }
            guard let batch = current else { break }
            let out = try step(batch)
            if cursor >= batch.count { current = nil }
            if let out, out.count > 0 { return out }
        }
        return try unmatchedBuildRows()
    }

    /// Takes the shared table (building it if this is the first copy to ask) and keeps its arrays at hand.
    private func loadTable() throws {
        let t = try shared.table()
        table = t
        if let scan = runtimeFilterScan, !keyless {
            let keys = try scanKeys.map(ExpressionCompiler.compile)
            scan.filterRows(byKeys: RuntimeKeyFilter(keys: keys, table: t), reading: scanKeys)
        }
        buildData = t.data
        buildCount = t.count
        chainHead = t.chainHead
        keysAreRows = t.keysAreFirstRows
        chainNext = t.chainNext
        buildMatched = [Bool](repeating: false, count: options.keepUnmatchedBuild || options.emitBuildByMatch ? t.count : 0)
    }

    /// The build key number of each probe row's key, -1 when none.
    private func lookup(_ keys: [Vector], count: Int) throws -> [Int32] {
        guard let table else { return [Int32](repeating: -1, count: count) }
        if let found = try dictionaryLookup.lookup(keys, count: count, in: table) { return found }
        return try table.lookup(keys, count: count)
    }

    /// Matches probe rows from `cursor` until a chunk's worth of candidate pairs is collected.
    private func step(_ batch: Batch) throws -> Batch? {
        let start = cursor
        if (options.semi || options.anti) && residual == nil && !options.emitBuildByMatch {
            // Existence only: no pairs needed.
            for row in 0..<batch.count {
                let g = keyless ? 0 : Int(currentGroups[row])
                currentMatched[row] = keyless ? buildCount > 0 : (g >= 0 && (keysAreRows || chainHead[g] >= 0))
            }
            cursor = batch.count
            return probeOnly(batch, start..<cursor)
        }
        var probeRows: [Int32] = [], buildRows: [Int32] = []
        probeRows.reserveCapacity(min(chunkPairs, batch.count - cursor) + 64)
        buildRows.reserveCapacity(min(chunkPairs, batch.count - cursor) + 64)
        while cursor < batch.count && probeRows.count < chunkPairs {
            if keyless {
                for b in 0..<buildCount { probeRows.append(Int32(cursor)); buildRows.append(Int32(b)) }
            } else if currentGroups[cursor] >= 0 {
                let g = currentGroups[cursor]
                var b = keysAreRows ? g : chainHead[Int(g)]
                while b >= 0 {
                    probeRows.append(Int32(cursor)); buildRows.append(b)
                    b = chainNext[Int(b)]
                }
            }
            cursor += 1
        }
        if let residual, !probeRows.isEmpty {
            let keep = Logic.selection(try residual(assemble(batch, probeRows, buildRows)))
            probeRows = keep.map { probeRows[Int($0)] }
            buildRows = keep.map { buildRows[Int($0)] }
        }
        for p in probeRows { currentMatched[Int(p)] = true }
        if options.keepUnmatchedBuild || options.emitBuildByMatch { for b in buildRows { buildMatched[Int(b)] = true } }
        if options.emitBuildByMatch { return nil }
        if options.semi || options.anti { return probeOnly(batch, start..<cursor) }
        if options.keepUnmatchedProbe {
            for row in start..<cursor where !currentMatched[row] {
                probeRows.append(Int32(row)); buildRows.append(Int32(buildCount))
            }
        }
        return probeRows.isEmpty ? nil : assemble(batch, probeRows, buildRows)
    }

    /// Semi/anti output: the probe rows of `range` with (or without) a match.
    private func probeOnly(_ batch: Batch, _ range: Range<Int>) -> Batch? {
        let wanted = options.semi
        let rows = range.filter { currentMatched[$0] == wanted }.map { Int32($0) }
        if rows.isEmpty { return nil }
        return rows.count == batch.count ? batch : batch.sliced(rows)
    }

    /// Pairs of probe and build rows as output rows, in left-then-right column order.
    private func assemble(_ batch: Batch, _ probeRows: [Int32], _ buildRows: [Int32]) -> Batch {
        let p = batch.columns.map { $0.sliced(probeRows) }
        let b = buildData.columns.map { $0.sliced(buildRows) }
        return Batch(columns: options.probeIsLeft ? p + b : b + p, count: probeRows.count)
    }

    /// After the probe side ends: build rows no probe row matched, with NULL probe columns (outer joins).
    private func unmatchedBuildRows() throws -> Batch? {
        guard options.keepUnmatchedBuild || options.emitBuildByMatch, !unmatchedBuildEmitted else { return nil }
        unmatchedBuildEmitted = true
        // Per-worker copies: only the last to finish emits, by every copy's marks.
        var buildMatched = self.buildMatched
        if let matches {
            guard let all = matches.finish(buildMatched) else { return nil }
            buildMatched = all
        }
        if options.emitBuildByMatch {
            let wanted = options.semi
            let rows = (0..<buildCount).filter { buildMatched[$0] == wanted }.map { Int32($0) }
            if rows.isEmpty { return nil }
            return Batch(columns: buildData.columns.map { $0.sliced(rows) }, count: rows.count)
        }
        let rows = (0..<buildCount).filter { !buildMatched[$0] }.map { Int32($0) }
        if rows.isEmpty { return nil }
        let p = probeTypes.map { Vector.nulls($0, count: rows.count) }
        let b = buildData.columns.map { $0.sliced(rows) }
        return Batch(columns: options.probeIsLeft ? p + b : b + p, count: rows.count)
    }
}
