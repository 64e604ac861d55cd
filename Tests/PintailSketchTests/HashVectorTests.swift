import Testing
@testable import PintailSketch

/// Reference values: Murmur3 from the `mmh3` Python package (a C build of Appleby's SMHasher MurmurHash3_x64_128,
/// first 64-bit half, seed 0: `mmh3.hash64(data, 0, True)[0]`); XXH64 from Debian's `python3-xxhash`, which wraps
/// the official libxxhash (`xxhash.xxh64_intdigest(data)`, shown signed). Two values are also confirmed by upstream:
/// XXH64("") = 0xEF46DB3751D8E999 (xxHash's own sanity check) and Murmur3 hash64(1L) = 19144387141682250, the
/// constant Trino's `$approx_set` adds for TRUE.
@Suite struct HashVectorTests {
    static let byteVectors: [(bytes: [UInt8], murmur3: Int64, xxHash64: Int64)] = [
        ([], 0, -1_205_034_819_632_174_695),
        (Array("a".utf8), -8_839_064_797_231_613_815, -3_292_477_735_350_538_661),
        (Array("abc".utf8), -5_434_086_359_492_102_041, 4_952_883_123_889_572_249),
        (Array("hello".utf8), -3_758_069_500_696_749_310, 2_794_345_569_481_354_659),
        (Array("The quick brown fox jumps over the lazy dog".utf8), -2_068_352_364_225_029_268, 802_816_344_064_684_476),
        (Array(0..<15), 5_125_964_547_706_398_185, -6_248_474_067_697_161_171),
        (Array(0..<16), 4_920_504_430_128_807_728, 4_951_407_828_574_235_127),
        (Array(0..<17), 6_662_781_046_685_680_142, 6_198_050_452_789_369_270),
        (Array(0..<31), 377_690_909_827_715_220, -4_375_578_310_507_393_311),
        (Array(0..<32), -4_148_501_202_978_516_977, -3_749_919_242_623_962_444),
        (Array(0..<33), 9_025_539_228_862_924_306, 888_155_921_178_136_237),
        (Array("héllo wörld".utf8), 7_743_223_038_208_521_019, 6_918_685_708_591_841_596),
    ]

    /// Hashes of the 8 little-endian bytes of a long.
    static let longVectors: [(value: Int64, murmur3: Int64, xxHash64: Int64)] = [
        (0, 2_945_182_322_382_062_539, 3_803_688_792_395_291_579),
        (1, 19_144_387_141_682_250, -6_977_822_845_260_490_347),
        (-1, -6_853_156_495_446_839_949, -8_804_195_676_797_548_855),
        (42, -5_283_633_198_602_748_424, -5_379_971_487_550_586_029),
        (.max, 7_815_693_464_130_447_828, -40_307_683_044_198_644),
        (.min, 78_142_285_821_850_151, 4_558_309_869_707_674_848),
        (1_234_567_890_123, -2_940_519_162_795_661_581, -2_750_195_188_530_281_891),
    ]

    @Test func murmur3OverBytes() {
        for vector in Self.byteVectors {
            let hash = vector.bytes.withUnsafeBytes { Murmur3Hash128.hash64($0) }
            #expect(hash == vector.murmur3, "\(vector.bytes)")
        }
    }

    @Test func xxHash64OverBytes() {
        for vector in Self.byteVectors {
            let hash = vector.bytes.withUnsafeBytes { XxHash64.hash($0) }
            #expect(hash == vector.xxHash64, "\(vector.bytes)")
        }
    }

    @Test func longFastPathsMatchTheByteAlgorithms() {
        for vector in Self.longVectors {
            #expect(Murmur3Hash128.hash64(vector.value) == vector.murmur3)
            #expect(XxHash64.hash(vector.value) == vector.xxHash64)
            let bytes = withUnsafeBytes(of: vector.value.littleEndian) { Array($0) }
            #expect(bytes.withUnsafeBytes { Murmur3Hash128.hash64($0) } == vector.murmur3)
            #expect(bytes.withUnsafeBytes { XxHash64.hash($0) } == vector.xxHash64)
        }
    }

    @Test func doubleCanonicalisation() {
        // 1.5 hashes its IEEE bits; every NaN hashes as Java's canonical 0x7ff8000000000000.
        #expect(Murmur3Hash128.hash64(javaDoubleBits(1.5)) == -981_000_774_749_194_061)
        #expect(XxHash64.hash(javaDoubleBits(1.5)) == 5_329_932_555_030_153_977)
        let quietNaN = Double(nan: 0x1234, signaling: false)
        #expect(javaDoubleBits(quietNaN) == 0x7ff8_0000_0000_0000)
        #expect(Murmur3Hash128.hash64(javaDoubleBits(-.nan)) == 3_958_114_705_316_880_442)
        #expect(XxHash64.hash(javaDoubleBits(.nan)) == -1_608_435_290_960_942_420)
    }
}
