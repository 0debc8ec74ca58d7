package org.symtensor.train.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.train.npy.NpyFormatException.Problem;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Interop with NumPy through the files {@code src/test/python/make_goldens.py} wrote with NumPy
 * (committed; see NUMPY_VERSION). The expected values are rebuilt here from the script's formula,
 * {@code value(i) = (i·7 mod 11) − 5} (+0.25 for floats, {@code > 0} for bool), not by the code under test.
 */
class NpyGoldenTest {
    @TempDir
    Path tmp;

    static byte[] golden(String name) {
        try (InputStream in = NpyGoldenTest.class.getResourceAsStream("/npy/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script's values in C order, as doubles (bool as 0/1, uint8 wrapped). */
    static double expected(DType dtype, int i) {
        int v = (i * 7 % 11) - 5;
        return switch (dtype) {
            case BOOL -> v > 0 ? 1 : 0;
            case UINT8 -> v & 0xFF;
            case FLOAT32, FLOAT64 -> v + 0.25;
            default -> v;
        };
    }

    static NDArray expectedArray(DType dtype, int... shape) {
        NDArray a = NDArray.zeros(dtype, shape);
        for (int i = 0; i < a.size(); i++) {
            a.setDouble(i, expected(dtype, i));
        }
        return a;
    }

    static String code(DType d) {
        return d.theanoName();
    }

    private static void assertValues(NDArray a, DType dtype, int... shape) {
        assertThat(a.dtype()).isEqualTo(dtype);
        assertThat(a.shape()).containsExactly(shape);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.getDouble(i)).as("element %d", i).isEqualTo(expected(dtype, i));
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void read_cOrderVersion1_givesNumpysValues(DType dtype) {
        assertValues(Npy.read(golden(code(dtype) + "_c.npy")), dtype, 2, 3);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void read_fortranOrder_givesTheSameLogicalArray(DType dtype) {
        NDArray a = Npy.read(golden(code(dtype) + "_f.npy"));
        assertValues(a, dtype, 2, 3);
        assertThat(a.isContiguous()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void read_version2Header_givesNumpysValues(DType dtype) {
        assertValues(Npy.read(golden(code(dtype) + "_v2.npy")), dtype, 2, 3);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void write_cOrder_isByteForByteWhatNumpyWrites(DType dtype) {
        assertThat(Npy.toBytes(expectedArray(dtype, 2, 3))).isEqualTo(golden(code(dtype) + "_c.npy"));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void write_fortranOrder_isByteForByteWhatNumpyWrites(DType dtype) {
        assertThat(Npy.toBytes(expectedArray(dtype, 2, 3), Npy.Order.FORTRAN, null))
                .isEqualTo(golden(code(dtype) + "_f.npy"));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void write_version2_isByteForByteWhatNumpyWrites(DType dtype) {
        assertThat(Npy.toBytes(expectedArray(dtype, 2, 3), Npy.Order.C, NpyVersion.V2_0))
                .isEqualTo(golden(code(dtype) + "_v2.npy"));
    }

    @Test
    void scalarEmptyVectorAndTensor3_roundTripAgainstNumpy() {
        NDArray scalar = Npy.read(golden("scalar_f8.npy"));
        assertThat(scalar.rank()).isZero();
        assertThat(scalar.toDouble()).isEqualTo(2.5);
        assertThat(Npy.toBytes(NDArray.of(2.5))).isEqualTo(golden("scalar_f8.npy"));

        NDArray empty = Npy.read(golden("empty_f4.npy"));
        assertThat(empty.shape()).containsExactly(0, 4);
        assertThat(Npy.toBytes(NDArray.zeros(DType.FLOAT32, 0, 4))).isEqualTo(golden("empty_f4.npy"));

        assertValues(Npy.read(golden("vector_i8.npy")), DType.INT64, 5);
        assertThat(Npy.toBytes(expectedArray(DType.INT64, 5))).isEqualTo(golden("vector_i8.npy"));

        assertValues(Npy.read(golden("tensor3_f4.npy")), DType.FLOAT32, 2, 3, 4);
        assertValues(Npy.read(golden("tensor3_f4_f.npy")), DType.FLOAT32, 2, 3, 4);
        assertThat(Npy.toBytes(expectedArray(DType.FLOAT32, 2, 3, 4), Npy.Order.FORTRAN, null))
                .isEqualTo(golden("tensor3_f4_f.npy"));
    }

    @Test
    void read_bigEndianFloat64_isConverted() {
        assertValues(Npy.read(golden("big_endian_f8.npy")), DType.FLOAT64, 3);
    }

    @Test
    void write_nonContiguousView_writesItsLogicalElements() {
        NDArray t = expectedArray(DType.INT32, 3, 2).transpose(); // a (2, 3) view with swapped strides
        NDArray back = Npy.read(Npy.toBytes(t));
        assertThat(back.shape()).containsExactly(2, 3);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(back.getDoubleAt(i, j)).isEqualTo(expected(DType.INT32, j * 2 + i));
            }
        }
    }

    @Test
    void writeThenRead_file_roundTrips() {
        Path f = tmp.resolve("a.npy");
        NDArray a = expectedArray(DType.FLOAT64, 4, 5);
        Npy.write(f, a);
        assertThat(Npy.read(f)).isEqualTo(a);
    }

    // ---- npz ----------------------------------------------------------------------------

    private static void assertParamsNpz(Map<String, NDArray> m) {
        assertThat(m.keySet()).containsExactly("W", "b", "step");
        assertValues(m.get("W"), DType.FLOAT32, 3, 2);
        assertValues(m.get("b"), DType.FLOAT32, 2);
        assertThat(m.get("step").dtype()).isEqualTo(DType.INT64);
        assertThat(m.get("step").toLong()).isEqualTo(7);
    }

    @Test
    void readNpz_savezAndSavezCompressed_fromFileAndStream() throws IOException {
        for (String name : new String[] {"params.npz", "params_compressed.npz"}) {
            Path f = tmp.resolve(name);
            Files.write(f, golden(name));
            assertParamsNpz(Npz.read(f));
            try (InputStream in = Files.newInputStream(f)) {
                assertParamsNpz(Npz.read(in, name));
            }
        }
    }

    @Test
    void writeNpz_entriesAreNumpysNpyBytes_andReadBack() throws IOException {
        Map<String, NDArray> m = new LinkedHashMap<>();
        m.put("W", expectedArray(DType.FLOAT32, 3, 2));
        m.put("b", expectedArray(DType.FLOAT32, 2));
        m.put("step", NDArray.of(7L));
        Path f = tmp.resolve("java.npz");
        Npz.write(f, m);
        assertParamsNpz(Npz.read(f));
        // each entry is what numpy.save writes: the same bytes as the entries numpy.savez wrote
        Path numpy = tmp.resolve("numpy.npz");
        Files.write(numpy, golden("params.npz"));
        try (ZipFile ours = new ZipFile(f.toFile()); ZipFile theirs = new ZipFile(numpy.toFile())) {
            for (String entry : new String[] {"W.npy", "b.npy", "step.npy"}) {
                ZipEntry e = ours.getEntry(entry);
                assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
                assertThat(ours.getInputStream(e).readAllBytes())
                        .isEqualTo(theirs.getInputStream(theirs.getEntry(entry)).readAllBytes());
            }
        }
    }

    @Test
    void writeNpz_twice_givesIdenticalBytes() throws IOException {
        Map<String, NDArray> m = Map.of("x", expectedArray(DType.INT16, 7));
        Path a = tmp.resolve("a.npz");
        Path b = tmp.resolve("b.npz");
        Npz.write(a, m);
        Npz.write(b, m);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    // ---- bad files ---------------------------------------------------------------------------

    @Test
    void read_complexDtype_failsAsUnsupported() {
        assertThatThrownBy(() -> Npy.read(golden("complex_c16.npy")))
                .isInstanceOfSatisfying(NpyFormatException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNSUPPORTED_DTYPE))
                .hasMessageContaining("dtype '<c16' is not supported");
    }

    @Test
    void read_unicodeDtype_failsAsUnsupported() {
        assertThatThrownBy(() -> Npy.read(golden("unicode.npy")))
                .isInstanceOfSatisfying(NpyFormatException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNSUPPORTED_DTYPE))
                .hasMessageContaining("'<U3'");
    }

    @Test
    void read_truncatedData_failsAsTruncatedWithByteCounts() {
        byte[] full = golden("float64_c.npy");
        byte[] cut = Arrays.copyOf(full, full.length - 3);
        assertThatThrownBy(() -> Npy.read(cut))
                .isInstanceOfSatisfying(NpyFormatException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TRUNCATED))
                .hasMessageContaining("the data needs 48 bytes, the file has 45");
    }

    @Test
    void read_truncatedHeader_failsAsTruncated() {
        byte[] cut = Arrays.copyOf(golden("float64_c.npy"), 40);
        assertThatThrownBy(() -> Npy.read(cut))
                .isInstanceOfSatisfying(NpyFormatException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TRUNCATED))
                .hasMessageContaining("the header needs 118 bytes");
    }

    @Test
    void read_wrongMagic_failsAsBadMagic() {
        byte[] text = "a,b,c\n1,2,3\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Npy.read(text))
                .isInstanceOfSatisfying(NpyFormatException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_MAGIC))
                .hasMessageContaining("is not a .npy file: it starts with \\x61\\x2c\\x62");
    }

    @Test
    void read_emptyInput_failsAsBadMagic() {
        assertThatThrownBy(() -> Npy.read(new byte[0]))
                .isInstanceOfSatisfying(NpyFormatException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_MAGIC))
                .hasMessageContaining("the file is empty");
    }

    @Test
    void read_unknownVersion_fails() {
        byte[] b = golden("int8_c.npy").clone();
        b[6] = 9;
        assertThatThrownBy(() -> Npy.read(b))
                .isInstanceOfSatisfying(NpyFormatException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNSUPPORTED_VERSION))
                .hasMessageContaining("header version 9.0");
    }

    @Test
    void read_headerWithoutShape_failsAsBadHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String dict = "{'descr': '<f8', 'fortran_order': False, }";
        out.write(NpyHeader.MAGIC);
        out.write(new byte[] {1, 0, (byte) (dict.length() + 1), 0});
        out.write((dict + "\n").getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Npy.read(out.toByteArray()))
                .isInstanceOfSatisfying(NpyFormatException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_HEADER))
                .hasMessageContaining("lacks 'shape'");
    }

    @Test
    void readNpz_notAZip_failsAsBadMagic() throws IOException {
        Path f = tmp.resolve("bad.npz");
        Files.write(f, golden("float32_c.npy"));
        assertThatThrownBy(() -> Npz.read(f))
                .isInstanceOfSatisfying(NpyFormatException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_MAGIC))
                .hasMessageContaining("is not a .npz file");
    }
}
