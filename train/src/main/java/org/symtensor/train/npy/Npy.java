package org.symtensor.train.npy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.symtensor.train.npy.NpyFormatException.Problem;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * NumPy's {@code .npy} format for one {@link NDArray}: every Symtensor dtype (bool, int8, uint8,
 * int16, int32, int64, float32, float64), C or Fortran order, header versions 1.0, 2.0 and 3.0, either
 * byte order on reading. What {@link #write} writes is byte for byte what {@code numpy.save} writes for
 * the same array. A file Symtensor cannot read raises {@link NpyFormatException} naming the problem;
 * I/O failures raise {@link UncheckedIOException}.
 */
public final class Npy {
    /** The memory order of the data in a file. */
    public enum Order {
        /** Row-major, NumPy's default. */
        C,
        /** Column-major ({@code np.asfortranarray}). */
        FORTRAN
    }

    /** Bytes converted per step when streaming data: large enough for bulk copies, small enough to stay in cache. */
    static final int CHUNK = 1 << 20;

    private Npy() {}

    /** Reads the array in {@code file}. */
    public static NDArray read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads an array from the bytes of a {@code .npy} file. */
    public static NDArray read(byte[] bytes) {
        try {
            return read(new ByteArrayInputStream(bytes), "the .npy bytes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads exactly one array from {@code in} (which stays open, positioned after the data);
     * {@code source} names the stream in error messages.
     */
    public static NDArray read(InputStream in, String source) throws IOException {
        NpyHeader h = readHeader(in, source);
        int n = h.size(source);
        int[] shape = h.fortranOrder() ? reversed(h.shape()) : h.shape();
        NDArray a = NDArray.zeros(h.dtype(), shape);
        readData(in, a.data(), h.dtype(), h.byteOrder(), n, source);
        return h.fortranOrder() ? a.transpose().copy() : a;
    }

    /** Writes {@code a} to {@code file} as {@code numpy.save} would (C order, version 1.0 unless the header needs 2.0). */
    public static void write(Path file, NDArray a) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, a, Order.C, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code a} to {@code out} (left open) in C order. */
    public static void write(OutputStream out, NDArray a) throws IOException {
        write(out, a, Order.C, null);
    }

    /**
     * Writes {@code a} in the given memory order with the given header version ({@code null}: 1.0, or
     * 2.0 when the header does not fit 1.0, as NumPy chooses).
     */
    public static void write(OutputStream out, NDArray a, Order order, NpyVersion version) throws IOException {
        out.write(header(a, order).encode(version));
        forEachChunk(dataInOrder(a, order), (buf, len) -> out.write(buf, 0, len));
    }

    /** The bytes {@link #write(OutputStream, NDArray)} writes. */
    public static byte[] toBytes(NDArray a) {
        return toBytes(a, Order.C, null);
    }

    public static byte[] toBytes(NDArray a, Order order, NpyVersion version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, a, order, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- shared with Npz

    static NpyHeader header(NDArray a, Order order) {
        return new NpyHeader(a.dtype(), ByteOrder.LITTLE_ENDIAN, order == Order.FORTRAN, a.shape());
    }

    /** The array whose C-order elements are {@code a}'s elements in {@code order}, contiguous from 0. */
    static NDArray dataInOrder(NDArray a, Order order) {
        return order == Order.FORTRAN && a.rank() > 1 ? a.transpose().copy() : a.contiguous();
    }

    /** Receives consecutive little-endian data bytes: {@code buf[0, len)}. */
    @FunctionalInterface
    interface ChunkSink {
        void accept(byte[] buf, int len) throws IOException;
    }

    /** Streams the elements of a contiguous array as little-endian bytes, {@link #CHUNK} at a time. */
    static void forEachChunk(NDArray contiguous, ChunkSink sink) throws IOException {
        int itemSize = itemSize(contiguous.dtype());
        int perChunk = CHUNK / itemSize;
        int n = contiguous.size();
        Object data = contiguous.data();
        ByteBuffer bb = ByteBuffer.allocate(Math.min(CHUNK, Math.max(itemSize, n * itemSize))).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < n; start += perChunk) {
            int len = Math.min(perChunk, n - start);
            bb.clear();
            switch (contiguous.dtype()) {
                case BOOL, INT8, UINT8 -> bb.put((byte[]) data, start, len);
                case INT16 -> bb.asShortBuffer().put((short[]) data, start, len);
                case INT32 -> bb.asIntBuffer().put((int[]) data, start, len);
                case INT64 -> bb.asLongBuffer().put((long[]) data, start, len);
                case FLOAT32 -> bb.asFloatBuffer().put((float[]) data, start, len);
                case FLOAT64 -> bb.asDoubleBuffer().put((double[]) data, start, len);
            }
            sink.accept(bb.array(), len * itemSize);
        }
    }

    static int itemSize(DType dtype) {
        return switch (dtype) {
            case BOOL, INT8, UINT8 -> 1;
            case INT16 -> 2;
            case INT32, FLOAT32 -> 4;
            case INT64, FLOAT64 -> 8;
        };
    }

    // ---------------------------------------------------------------- reading

    private static NpyHeader readHeader(InputStream in, String source) throws IOException {
        byte[] prefix = new byte[8];
        int got = in.readNBytes(prefix, 0, 8);
        for (int k = 0; k < Math.max(1, Math.min(got, 6)); k++) {
            if (got == 0 || prefix[k] != NpyHeader.MAGIC[k]) {
                throw new NpyFormatException(Problem.BAD_MAGIC, source + " is not a .npy file: it starts with "
                        + hex(prefix, got) + ", expected the magic string \\x93NUMPY");
            }
        }
        if (got < 8) {
            throw truncated(source, "the header", 8, got);
        }
        int major = prefix[6] & 0xFF;
        int minor = prefix[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new NpyFormatException(Problem.UNSUPPORTED_VERSION, source + ": header version " + major + "."
                    + minor + " is not supported (1.0, 2.0 and 3.0 are)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] len = new byte[lengthBytes];
        got = in.readNBytes(len, 0, lengthBytes);
        if (got < lengthBytes) {
            throw truncated(source, "the header length", lengthBytes, got);
        }
        long hlen = 0;
        for (int k = lengthBytes - 1; k >= 0; k--) {
            hlen = (hlen << 8) | (len[k] & 0xFF);
        }
        if (hlen > 1 << 24) {
            throw new NpyFormatException(Problem.BAD_HEADER, source + ": a header of " + hlen + " bytes is not plausible");
        }
        byte[] text = new byte[(int) hlen];
        got = in.readNBytes(text, 0, text.length);
        if (got < text.length) {
            throw truncated(source, "the header", text.length, got);
        }
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return NpyHeader.parse(dict, source);
    }

    private static void readData(InputStream in, Object data, DType dtype, ByteOrder order, int n, String source)
            throws IOException {
        int itemSize = itemSize(dtype);
        int perChunk = CHUNK / itemSize;
        byte[] buf = new byte[Math.min(CHUNK, Math.max(itemSize, n * itemSize))];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(order);
        for (int start = 0; start < n; start += perChunk) {
            int len = Math.min(perChunk, n - start);
            int bytes = len * itemSize;
            int got = in.readNBytes(buf, 0, bytes);
            if (got < bytes) {
                throw truncated(source, "the data", (long) n * itemSize, (long) start * itemSize + got);
            }
            bb.clear();
            switch (dtype) {
                case BOOL -> {
                    for (int k = 0; k < len; k++) {
                        ((byte[]) data)[start + k] = (byte) (buf[k] != 0 ? 1 : 0);
                    }
                }
                case INT8, UINT8 -> System.arraycopy(buf, 0, data, start, len);
                case INT16 -> bb.asShortBuffer().get((short[]) data, start, len);
                case INT32 -> bb.asIntBuffer().get((int[]) data, start, len);
                case INT64 -> bb.asLongBuffer().get((long[]) data, start, len);
                case FLOAT32 -> bb.asFloatBuffer().get((float[]) data, start, len);
                case FLOAT64 -> bb.asDoubleBuffer().get((double[]) data, start, len);
            }
        }
    }

    private static NpyFormatException truncated(String source, String what, long expected, long got) {
        return new NpyFormatException(Problem.TRUNCATED, source + " is truncated: " + what + " needs " + expected
                + " bytes, the file has " + got);
    }

    private static String hex(byte[] b, int n) {
        if (n <= 0) {
            return "nothing (the file is empty)";
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < Math.min(n, 6); k++) {
            sb.append(String.format("\\x%02x", b[k] & 0xFF));
        }
        return sb.toString();
    }

    private static int[] reversed(int[] s) {
        int[] r = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            r[i] = s[s.length - 1 - i];
        }
        return r;
    }
}
