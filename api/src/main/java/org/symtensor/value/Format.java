package org.symtensor.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Prints NDArray values: nested brackets, floats with at most 10 decimals, big arrays summarized. */
final class Format {
    private static final int SUMMARY_THRESHOLD = 1000;
    private static final int SUMMARY_VALUES = 6;

    private Format() {
    }

    static String format(NDArray a) {
        StringBuilder sb = new StringBuilder();
        if (a.size() > SUMMARY_THRESHOLD) {
            sb.append("NDArray(").append(a.dtype()).append(", shape=").append(NDArray.shapeToString(a.shape()))
                    .append(", values=[");
            for (int i = 0; i < SUMMARY_VALUES; i++) {
                sb.append(element(a, i)).append(", ");
            }
            return sb.append("...])").toString();
        }
        appendNested(a, sb, 0, 0);
        return sb.toString();
    }

    private static int appendNested(NDArray a, StringBuilder sb, int dim, int flat) {
        if (dim == a.rank()) {
            sb.append(element(a, flat));
            return flat + 1;
        }
        sb.append('[');
        int stride = 1;
        for (int d = dim + 1; d < a.rank(); d++) {
            stride *= a.shape(d);
        }
        for (int i = 0; i < a.shape(dim); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            appendNested(a, sb, dim + 1, flat + i * stride);
        }
        sb.append(']');
        return flat + a.shape(dim) * stride;
    }

    static String element(NDArray a, int flat) {
        int p = a.physical(flat);
        Object data = a.data();
        return switch (a.dtype()) {
            case BOOL -> Storage.readLong(a.dtype(), data, p) != 0 ? "true" : "false";
            case INT8, UINT8, INT16, INT32, INT64 -> Long.toString(Storage.readLong(a.dtype(), data, p));
            case FLOAT32 -> formatFloat(Double.parseDouble(Float.toString(((float[]) data)[p])));
            case FLOAT64 -> formatFloat(((double[]) data)[p]);
        };
    }

    private static String formatFloat(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String s = Double.toString(v);
        int point = s.indexOf('.');
        if (s.indexOf('E') >= 0 || s.length() - point - 1 <= 10) {
            return s;
        }
        String r = new BigDecimal(v).setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return r.indexOf('.') >= 0 ? r : r + ".0";
    }
}
