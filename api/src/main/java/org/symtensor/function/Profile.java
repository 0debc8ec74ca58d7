package org.symtensor.function;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.symtensor.ir.Apply;
import org.symtensor.type.TensorType;

/**
 * What a function compiled with {@code profile()} measured, returned by {@link Function#profile()}: a
 * value (a snapshot; later calls do not change it) printed as Theano's profile prints them:
 * a summary, the time by kind of op, then every apply node sorted by time with its share of the time
 * spent in kernels, the running share, its total and per-call time, calls, position in the schedule
 * and the node itself (fused nodes named by their expression, {@code Composite{((i0 * i1) + i2)}}).
 */
public final class Profile {
    /** One apply node's totals. */
    public record Row(int position, Apply node, long nanos, long calls) {
        /** The node as the table names it: op (a composite with its expression) and output type. */
        public String describe() {
            String type = node.outputs().size() == 1
                    ? node.output().type().dtype() + " " + TensorType.shapeString(node.output().type().shape())
                    : node.outputs().size() + " outputs";
            return node.op().name() + "  " + type;
        }
    }

    private final String name;
    private final long calls;
    private final long callNanos;
    private final List<Row> rows;

    private Profile(String name, long calls, long callNanos, List<Row> rows) {
        this.name = name;
        this.calls = calls;
        this.callNanos = callNanos;
        this.rows = List.copyOf(rows);
    }

    /**
     * A profile of the function named {@code name} (null: "function"): {@code calls} calls that took
     * {@code callNanos} in all, and one row per apply node in schedule order. Backends make these.
     */
    public static Profile of(String name, long calls, long callNanos, List<Row> rows) {
        return new Profile(name == null ? "function" : name, calls, callNanos, rows);
    }

    /** Calls of the function. */
    public long calls() {
        return calls;
    }

    /** Wall time of all calls, binding excluded, updates included. */
    public long callNanos() {
        return callNanos;
    }

    /** Time inside kernels, all nodes together. */
    public long kernelNanos() {
        long t = 0;
        for (Row r : rows) {
            t += r.nanos();
        }
        return t;
    }

    /** Every node, in schedule order. */
    public List<Row> rows() {
        return rows;
    }

    /** Every node, the slowest first (ties in schedule order). */
    public List<Row> byTime() {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(Row::nanos).reversed().thenComparingInt(Row::position));
        return sorted;
    }

    /** The table with every node. */
    public String table() {
        return table(Integer.MAX_VALUE);
    }

    /** The table with the {@code maxNodes} slowest nodes. */
    public String table(int maxNodes) {
        StringBuilder sb = new StringBuilder();
        long kernels = kernelNanos();
        sb.append(String.format(Locale.ROOT, "Function profile: %s%n", name));
        sb.append(String.format(Locale.ROOT, "  %d calls, %s in calls (%s per call), %s in %d kernels (%.1f%%)%n",
                calls, time(callNanos), time(calls == 0 ? 0 : callNanos / calls), time(kernels), rows.size(),
                callNanos == 0 ? 0.0 : 100.0 * kernels / callNanos));
        sb.append(String.format(Locale.ROOT, "%nOps by kind%n  %6s  %6s  %10s  %8s  %s%n", "<%>", "<sum%>", "<time>",
                "<nodes>", "<kind>"));
        Map<String, long[]> kinds = new LinkedHashMap<>();
        for (Row r : rows) {
            long[] k = kinds.computeIfAbsent(r.node().op().kind().name(), x -> new long[2]);
            k[0] += r.nanos();
            k[1]++;
        }
        List<Map.Entry<String, long[]>> byKind = new ArrayList<>(kinds.entrySet());
        byKind.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        double sum = 0;
        for (Map.Entry<String, long[]> e : byKind) {
            double share = share(e.getValue()[0], kernels);
            sum += share;
            sb.append(String.format(Locale.ROOT, "  %5.1f%%  %5.1f%%  %10s  %8d  %s%n", share, sum,
                    time(e.getValue()[0]), e.getValue()[1], e.getKey()));
        }
        sb.append(String.format(Locale.ROOT, "%nApply nodes by time%n  %6s  %6s  %10s  %10s  %7s  %4s  %s%n", "<%>",
                "<sum%>", "<time>", "<per call>", "<calls>", "<id>", "<apply>"));
        sum = 0;
        List<Row> sorted = byTime();
        for (Row r : sorted.subList(0, Math.min(maxNodes, sorted.size()))) {
            double share = share(r.nanos(), kernels);
            sum += share;
            sb.append(String.format(Locale.ROOT, "  %5.1f%%  %5.1f%%  %10s  %10s  %7d  %4d  %s%n", share, sum,
                    time(r.nanos()), time(r.calls() == 0 ? 0 : r.nanos() / r.calls()), r.calls(), r.position(),
                    r.describe()));
        }
        if (sorted.size() > maxNodes) {
            sb.append(String.format(Locale.ROOT, "  ... %d more nodes%n", sorted.size() - maxNodes));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return table();
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    /** {@code nanos} in the table's unit: µs below a millisecond, ms below a second, s above. */
    public static String time(long nanos) {
        if (nanos >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
        }
        if (nanos >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }
}
