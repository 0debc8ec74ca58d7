package org.symtensor.train.npy;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.symtensor.train.npy.NpyFormatException.Problem;
import org.symtensor.type.DType;

/**
 * The header of a {@code .npy} file: dtype, byte order, memory order and shape, parsed from and
 * written as NumPy's Python-literal dictionary ({@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (2, 3), }}), padded exactly as {@code numpy.lib.format} pads it.
 */
record NpyHeader(DType dtype, ByteOrder byteOrder, boolean fortranOrder, int[] shape) {
    /** NumPy aligns the start of the data to this many bytes. */
    static final int ARRAY_ALIGN = 64;
    /** NumPy leaves room in the header for the growth axis to reach this many digits. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** The element count, or an error when it exceeds a Java array. */
    int size(String source) {
        long n = 1;
        for (int d : shape) {
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new NpyFormatException(Problem.TOO_LARGE, source + ": shape " + shapeText(shape)
                        + " has more elements than a Java array holds (at most " + (Integer.MAX_VALUE - 8) + ")");
            }
        }
        return (int) n;
    }

    /** The header bytes NumPy writes for this header: magic, version, length, dictionary, padding. */
    byte[] encode(NpyVersion version) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr(dtype, byteOrder))
                .append("', 'fortran_order': ").append(fortranOrder ? "True" : "False")
                .append(", 'shape': ").append(shapeText(shape)).append(", }");
        if (shape.length > 0) {
            int growthAxis = fortranOrder ? shape.length - 1 : 0;
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[growthAxis]).length()));
        }
        NpyVersion v = version == null ? NpyVersion.V1_0 : version;
        byte[] text = dict.toString().getBytes(v == NpyVersion.V3_0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int lengthBytes = v == NpyVersion.V1_0 ? 2 : 4;
        int hlen = text.length + 1;
        int padlen = ARRAY_ALIGN - ((MAGIC.length + 2 + lengthBytes + hlen) % ARRAY_ALIGN);
        int total = hlen + padlen;
        if (version == null && total > 0xFFFF) {
            return encode(NpyVersion.V2_0); // NumPy's own fallback when the header outgrows 1.0
        }
        if (v == NpyVersion.V1_0 && total > 0xFFFF) {
            throw new IllegalArgumentException("the header of shape " + shapeText(shape)
                    + " does not fit a version 1.0 file; write version 2.0");
        }
        byte[] out = new byte[MAGIC.length + 2 + lengthBytes + total];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) v.major();
        out[7] = 0;
        for (int k = 0; k < lengthBytes; k++) {
            out[8 + k] = (byte) (total >>> (8 * k));
        }
        int p = 8 + lengthBytes;
        System.arraycopy(text, 0, out, p, text.length);
        Arrays.fill(out, p + text.length, out.length - 1, (byte) ' ');
        out[out.length - 1] = '\n';
        return out;
    }

    /** Parses the dictionary text of a header. */
    static NpyHeader parse(String text, String source) {
        String descr = null;
        Boolean fortran = null;
        int[] shape = null;
        Parser p = new Parser(text, source);
        p.skipSpace();
        p.expect('{');
        while (true) {
            p.skipSpace();
            if (p.peek() == '}') {
                break;
            }
            String key = p.string();
            p.skipSpace();
            p.expect(':');
            p.skipSpace();
            switch (key) {
                case "descr" -> descr = p.peek() == '[' ? p.fail("a structured dtype " + p.rest()) : p.string();
                case "fortran_order" -> fortran = p.bool();
                case "shape" -> shape = p.tuple();
                default -> p.fail("an unknown key '" + key + "'");
            }
            p.skipSpace();
            if (p.peek() == ',') {
                p.pos++;
            } else if (p.peek() != '}') {
                p.fail("'" + p.peek() + "' where ',' or '}' belongs");
            }
        }
        if (descr == null || fortran == null || shape == null) {
            throw new NpyFormatException(Problem.BAD_HEADER, source + ": the header " + text.strip()
                    + " lacks " + (descr == null ? "'descr'" : fortran == null ? "'fortran_order'" : "'shape'"));
        }
        return new NpyHeader(dtypeOf(descr, source), byteOrderOf(descr), fortran, shape);
    }

    static String descr(DType dtype, ByteOrder order) {
        String endian = order == ByteOrder.BIG_ENDIAN ? ">" : "<";
        return switch (dtype) {
            case BOOL -> "|b1";
            case INT8 -> "|i1";
            case UINT8 -> "|u1";
            case INT16 -> endian + "i2";
            case INT32 -> endian + "i4";
            case INT64 -> endian + "i8";
            case FLOAT32 -> endian + "f4";
            case FLOAT64 -> endian + "f8";
        };
    }

    private static DType dtypeOf(String descr, String source) {
        String code = descr.length() > 1 && "<>|=".indexOf(descr.charAt(0)) >= 0 ? descr.substring(1) : descr;
        DType d = switch (code) {
            case "b1", "?" -> DType.BOOL;
            case "i1" -> DType.INT8;
            case "u1" -> DType.UINT8;
            case "i2" -> DType.INT16;
            case "i4" -> DType.INT32;
            case "i8" -> DType.INT64;
            case "f4" -> DType.FLOAT32;
            case "f8" -> DType.FLOAT64;
            default -> null;
        };
        if (d == null) {
            throw new NpyFormatException(Problem.UNSUPPORTED_DTYPE, source + ": dtype '" + descr
                    + "' is not supported; Symtensor reads bool, int8, uint8, int16, int32, int64, float32 and"
                    + " float64 (convert in NumPy first, e.g. a.astype('float64'))");
        }
        return d;
    }

    private static ByteOrder byteOrderOf(String descr) {
        return descr.startsWith(">") ? ByteOrder.BIG_ENDIAN
                : descr.startsWith("=") ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
    }

    static String shapeText(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && h.dtype == dtype && h.byteOrder.equals(byteOrder)
                && h.fortranOrder == fortranOrder && Arrays.equals(h.shape, shape);
    }

    @Override
    public int hashCode() {
        return dtype.hashCode() * 31 + Arrays.hashCode(shape);
    }

    /** A reader of the small subset of Python literals a header holds. */
    private static final class Parser {
        private final String text;
        private final String source;
        int pos;

        Parser(String text, String source) {
            this.text = text;
            this.source = source;
        }

        char peek() {
            if (pos >= text.length()) {
                fail("the end of the header");
            }
            return text.charAt(pos);
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        void expect(char c) {
            if (peek() != c) {
                fail("'" + peek() + "' where '" + c + "' belongs");
            }
            pos++;
        }

        String string() {
            char q = peek();
            if (q != '\'' && q != '"') {
                fail("'" + q + "' where a quoted string belongs");
            }
            int end = text.indexOf(q, pos + 1);
            if (end < 0) {
                fail("an unterminated string");
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }

        boolean bool() {
            if (text.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            return fail("'" + rest() + "' where True or False belongs");
        }

        int[] tuple() {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == ')') {
                    pos++;
                    break;
                }
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (pos < text.length() && text.charAt(pos) == 'L') {
                    pos++; // Python 2 longs
                }
                String digits = text.substring(start, pos).replace("L", "");
                if (digits.isEmpty()) {
                    fail("'" + rest() + "' where a length belongs");
                }
                long d;
                try {
                    d = Long.parseLong(digits);
                } catch (NumberFormatException e) {
                    d = Long.MAX_VALUE;
                }
                if (d > Integer.MAX_VALUE) {
                    throw new NpyFormatException(Problem.TOO_LARGE, source + ": axis length " + digits
                            + " exceeds what a Java array holds");
                }
                dims.add((int) d);
                skipSpace();
                if (peek() == ',') {
                    pos++;
                }
            }
            int[] s = new int[dims.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = dims.get(i);
            }
            return s;
        }

        String rest() {
            return text.substring(pos, Math.min(text.length(), pos + 20));
        }

        <T> T fail(String found) {
            throw new NpyFormatException(Problem.BAD_HEADER, source + ": cannot parse the header "
                    + text.strip() + ": found " + found);
        }
    }
}
