package org.symtensor.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.TensorType;

/**
 * {@code tensordot} and {@code einsum} as graphs of existing ops: a contraction permutes each
 * operand ({@link DimShuffle}) so the axes it keeps come first and the summed ones last, merges
 * each group into one axis ({@link Reshape}), multiplies with {@link Dot} (or {@link LinAlg}'s
 * {@code matmul} when einsum has batch letters), and reshapes and permutes the product into the
 * requested order. Subscripts without a summed letter are a broadcast multiplication; letters of a
 * single operand that do not reach the output are summed first. Gradients follow from those ops.
 */
public final class Contractions {
    private Contractions() {}

    // ---- tensordot ------------------------------------------------------------------------------

    /** NumPy's {@code tensordot(a, b, n)}: the last n axes of a against the first n of b. */
    public static Variable tensordot(Variable a, Variable b, int n) {
        int ra = a.type().rank();
        if (n < 0 || n > ra || n > b.type().rank()) {
            throw new ShapeMismatchException("tensordot: cannot contract " + n + " axes of " + a.describe() + " (rank " + ra
                    + ") with " + b.describe() + " (rank " + b.type().rank() + ")");
        }
        int[] axesA = new int[n];
        int[] axesB = new int[n];
        for (int i = 0; i < n; i++) {
            axesA[i] = ra - n + i;
            axesB[i] = i;
        }
        return tensordot(a, b, axesA, axesB);
    }

    /** NumPy's {@code tensordot(a, b, (axesA, axesB))}: axis {@code axesA[i]} of a summed against {@code axesB[i]} of b. */
    public static Variable tensordot(Variable a, Variable b, int[] axesA, int[] axesB) {
        Ops.requireSameDtype("tensordot", a, b);
        if (axesA.length != axesB.length) {
            throw new ShapeMismatchException("tensordot: " + axesA.length + " axes of " + a.describe() + " "
                    + Arrays.toString(axesA) + " against " + axesB.length + " axes of " + b.describe() + " "
                    + Arrays.toString(axesB) + ": the counts must agree");
        }
        int[] ca = normalize("tensordot", a, axesA);
        int[] cb = normalize("tensordot", b, axesB);
        for (int i = 0; i < ca.length; i++) {
            int da = a.type().dim(ca[i]);
            int db = b.type().dim(cb[i]);
            if (da != TensorType.UNKNOWN && db != TensorType.UNKNOWN && da != db) {
                throw new ShapeMismatchException("tensordot: axis " + ca[i] + " of " + a.describe() + " (shape "
                        + TensorType.shapeString(a.type().shape()) + ") has length " + da + " but axis " + cb[i] + " of "
                        + b.describe() + " (shape " + TensorType.shapeString(b.type().shape()) + ") has length " + db);
            }
        }
        int[] freeA = complement(a.type().rank(), ca);
        int[] freeB = complement(b.type().rank(), cb);
        Variable a2 = merge(a, freeA, ca);
        Variable b2 = merge(b, cb, freeB);
        Variable c = Ops.dot(a2, b2);
        List<Variable> lengths = new ArrayList<>();
        for (int ax : freeA) {
            lengths.add(length(a, ax));
        }
        for (int ax : freeB) {
            lengths.add(length(b, ax));
        }
        return ShapeOps.reshape(c, lengths);
    }

    /** Axes made non-negative and checked: in range, no repeats. */
    private static int[] normalize(String op, Variable x, int[] axes) {
        int r = x.type().rank();
        int[] out = new int[axes.length];
        boolean[] seen = new boolean[r];
        for (int i = 0; i < axes.length; i++) {
            int a = axes[i] < 0 ? axes[i] + r : axes[i];
            if (a < 0 || a >= r) {
                throw new ShapeMismatchException(op + ": axis " + axes[i] + " is out of range for " + x.describe() + " of rank " + r);
            }
            if (seen[a]) {
                throw new ArgumentException(op + ": axis " + axes[i] + " of " + x.describe() + " is listed twice");
            }
            seen[a] = true;
            out[i] = a;
        }
        return out;
    }

    private static int[] complement(int rank, int[] axes) {
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            final int ax = i;
            if (Arrays.stream(axes).noneMatch(x -> x == ax)) {
                rest.add(i);
            }
        }
        return rest.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The length of one axis: a constant when the type knows it, else the run-time length. */
    private static Variable length(Variable x, int axis) {
        int d = x.type().dim(axis);
        return d != TensorType.UNKNOWN ? ShapeOps.length(d) : Ops.shape(x, axis);
    }

    /** The product of the lengths of {@code axes} of x (1 for none), folded where constant. */
    private static Variable product(Variable x, int[] axes) {
        long known = 1;
        Variable sym = null;
        for (int ax : axes) {
            int d = x.type().dim(ax);
            if (d != TensorType.UNKNOWN) {
                known *= d;
            } else {
                Variable s = Ops.shape(x, ax);
                sym = sym == null ? s : Ops.elemwise(ScalarOp.MUL, sym, s);
            }
        }
        if (sym == null) {
            return ShapeOps.length(known);
        }
        return known == 1 ? sym : Ops.elemwise(ScalarOp.MUL, sym, ShapeOps.length(known));
    }

    /** x permuted to (groups[0]..., groups[1]..., ...) and each group merged into one axis. */
    private static Variable merge(Variable x, int[]... groups) {
        int[] order = Arrays.stream(groups).flatMapToInt(Arrays::stream).toArray();
        Variable p = Ops.dimshuffle(x, order);
        List<Variable> lengths = new ArrayList<>();
        for (int[] g : groups) {
            lengths.add(product(x, g));
        }
        return ShapeOps.reshape(p, lengths);
    }

    // ---- einsum ---------------------------------------------------------------------------------

    /**
     * NumPy's {@code einsum} for one or two operands: {@code "ij,jk->ik"}, {@code "bij,bjk->bik"},
     * {@code "i,j->ij"}, {@code "ij->ji"}, {@code "ij->"}, {@code "ii->"}, {@code "ii->i"}, ... Without
     * {@code "->"} the output is the letters that occur once, in alphabetical order, as NumPy's
     * implicit mode. No ellipsis; a letter repeated within one operand only as {@code "ii->"} and
     * {@code "ii->i"}.
     */
    public static Variable einsum(String subscripts, List<Variable> operands) {
        String spec = subscripts.replace(" ", "");
        String[] io = spec.split("->", -1);
        if (io.length > 2) {
            throw new ArgumentException("einsum: '" + subscripts + "' has more than one '->'");
        }
        String[] ins = io[0].split(",", -1);
        if (ins.length != operands.size()) {
            throw new ArgumentException("einsum: '" + subscripts + "' names " + ins.length + " operand(s) but "
                    + operands.size() + " were given");
        }
        if (ins.length > 2 || ins.length == 0) {
            throw new ArgumentException("einsum: one or two operands are supported, '" + subscripts + "' has " + ins.length);
        }
        for (int i = 0; i < ins.length; i++) {
            checkLetters(subscripts, ins[i]);
            if (ins[i].length() != operands.get(i).type().rank()) {
                throw new ShapeMismatchException("einsum: '" + ins[i] + "' in '" + subscripts + "' has " + ins[i].length()
                        + " letters but operand " + i + ", " + operands.get(i).describe() + ", has rank "
                        + operands.get(i).type().rank());
            }
        }
        String out;
        if (io.length == 2) {
            out = io[1];
            checkLetters(subscripts, out);
            for (char c : out.toCharArray()) {
                if (out.indexOf(c) != out.lastIndexOf(c)) {
                    throw new ArgumentException("einsum: the output '" + out + "' repeats '" + c + "'");
                }
                if (io[0].indexOf(c) < 0) {
                    throw new ArgumentException("einsum: the output letter '" + c + "' of '" + subscripts
                            + "' names no operand axis");
                }
            }
        } else {
            String all = io[0].replace(",", "");
            StringBuilder sb = new StringBuilder();
            all.chars().sorted().distinct().filter(c -> all.indexOf(c) == all.lastIndexOf(c)).forEach(c -> sb.append((char) c));
            out = sb.toString();
        }
        if (operands.size() == 2) {
            Ops.requireSameDtype("einsum", operands.get(0), operands.get(1));
        }
        checkLengths(subscripts, ins, operands);
        if (ins.length == 1) {
            return unary(subscripts, ins[0], out, operands.get(0));
        }
        return binary(subscripts, ins[0], ins[1], out, operands.get(0), operands.get(1));
    }

    private static void checkLetters(String subscripts, String s) {
        for (char c : s.toCharArray()) {
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                throw new ArgumentException("einsum: '" + c + "' in '" + subscripts
                        + "' is not a letter (subscripts are letters; no ellipsis)");
            }
        }
    }

    /** A letter's static lengths must agree wherever it appears. */
    private static void checkLengths(String subscripts, String[] ins, List<Variable> operands) {
        for (int i = 0; i < ins.length; i++) {
            for (int p = 0; p < ins[i].length(); p++) {
                for (int j = 0; j < ins.length; j++) {
                    for (int q = 0; q < ins[j].length(); q++) {
                        if (ins[i].charAt(p) != ins[j].charAt(q)) {
                            continue;
                        }
                        int d1 = operands.get(i).type().dim(p);
                        int d2 = operands.get(j).type().dim(q);
                        if (d1 != TensorType.UNKNOWN && d2 != TensorType.UNKNOWN && d1 != d2) {
                            throw new ShapeMismatchException("einsum: letter '" + ins[i].charAt(p) + "' of '" + subscripts
                                    + "' has length " + d1 + " in " + operands.get(i).describe() + " (shape "
                                    + TensorType.shapeString(operands.get(i).type().shape()) + ") and " + d2 + " in "
                                    + operands.get(j).describe() + " (shape "
                                    + TensorType.shapeString(operands.get(j).type().shape()) + ")");
                        }
                    }
                }
            }
        }
    }

    private static Variable unary(String subscripts, String in, String out, Variable x) {
        boolean repeated = in.chars().distinct().count() != in.length();
        if (repeated) {
            if (in.length() == 2 && out.isEmpty()) {
                return LinAlg.trace(x);
            }
            if (in.length() == 2 && out.length() == 1) {
                return LinAlg.apply1(LinAlg.Kind.EXTRACT_DIAG, x);
            }
            throw new ArgumentException("einsum: '" + subscripts + "': a letter repeated within one operand is supported"
                    + " only as 'ii->' (trace) and 'ii->i' (diagonal)");
        }
        Variable y = sumAbsent(x, in, out);
        String kept = kept(in, out);
        return Ops.dimshuffle(y, permutation(kept, out));
    }

    /** x summed over the letters of {@code in} that are in none of {@code keep}. */
    private static Variable sumAbsent(Variable x, String in, String... keep) {
        List<Integer> axes = new ArrayList<>();
        for (int p = 0; p < in.length(); p++) {
            char c = in.charAt(p);
            if (Arrays.stream(keep).noneMatch(k -> k.indexOf(c) >= 0)) {
                axes.add(p);
            }
        }
        if (axes.isEmpty()) {
            return x;
        }
        return Ops.reduce(Reduce.Kind.SUM, x, axes.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The letters of {@code in} that survive {@link #sumAbsent}, in order. */
    private static String kept(String in, String... keep) {
        StringBuilder sb = new StringBuilder();
        for (char c : in.toCharArray()) {
            if (Arrays.stream(keep).anyMatch(k -> k.indexOf(c) >= 0)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The dimshuffle pattern taking axes named by {@code from} to the order of {@code to}. */
    private static int[] permutation(String from, String to) {
        int[] p = new int[to.length()];
        for (int i = 0; i < p.length; i++) {
            p[i] = from.indexOf(to.charAt(i));
        }
        return p;
    }

    private static int[] positions(String s, String letters) {
        int[] p = new int[letters.length()];
        for (int i = 0; i < p.length; i++) {
            p[i] = s.indexOf(letters.charAt(i));
        }
        return p;
    }

    private static Variable binary(String subscripts, String sa, String sb, String out, Variable a, Variable b) {
        if (sa.chars().distinct().count() != sa.length() || sb.chars().distinct().count() != sb.length()) {
            throw new ArgumentException("einsum: '" + subscripts + "': a letter repeated within one operand is supported"
                    + " only for one operand");
        }
        // letters only one operand has and the output lacks are summed first
        Variable a1 = sumAbsent(a, sa, sb, out);
        String ka = kept(sa, sb, out);
        Variable b1 = sumAbsent(b, sb, sa, out);
        String kb = kept(sb, sa, out);
        StringBuilder batch = new StringBuilder();
        StringBuilder summed = new StringBuilder();
        StringBuilder freeA = new StringBuilder();
        StringBuilder freeB = new StringBuilder();
        for (char c : ka.toCharArray()) {
            boolean inB = kb.indexOf(c) >= 0;
            boolean inOut = out.indexOf(c) >= 0;
            (inB ? (inOut ? batch : summed) : freeA).append(c);
        }
        for (char c : kb.toCharArray()) {
            if (ka.indexOf(c) < 0) {
                freeB.append(c);
            }
        }
        if (summed.length() == 0) {
            // no contraction: a broadcast product over the letters of the output
            String all = batch.toString() + freeA + freeB;
            Variable pa = Ops.dimshuffle(a1, spread(ka, all));
            Variable pb = Ops.dimshuffle(b1, spread(kb, all));
            return Ops.dimshuffle(Ops.elemwise(ScalarOp.MUL, pa, pb), permutation(all, out));
        }
        String sbat = batch.toString();
        String sfa = freeA.toString();
        String sfb = freeB.toString();
        String ssum = summed.toString();
        Variable prod;
        if (sbat.isEmpty()) {
            prod = Ops.dot(merge(a1, positions(ka, sfa), positions(ka, ssum)), merge(b1, positions(kb, ssum), positions(kb, sfb)));
        } else {
            prod = LinAlg.matmul(merge(a1, positions(ka, sbat), positions(ka, sfa), positions(ka, ssum)),
                    merge(b1, positions(kb, sbat), positions(kb, ssum), positions(kb, sfb)));
        }
        List<Variable> lengths = new ArrayList<>();
        for (char c : sbat.toCharArray()) {
            lengths.add(length(a1, ka.indexOf(c)));
        }
        for (char c : sfa.toCharArray()) {
            lengths.add(length(a1, ka.indexOf(c)));
        }
        for (char c : sfb.toCharArray()) {
            lengths.add(length(b1, kb.indexOf(c)));
        }
        Variable shaped = ShapeOps.reshape(prod, lengths);
        return Ops.dimshuffle(shaped, permutation(sbat + sfa + sfb, out));
    }

    /** The pattern placing the axes named by {@code have} at their letters' places in {@code all}, new axes elsewhere. */
    private static int[] spread(String have, String all) {
        int[] p = new int[all.length()];
        for (int i = 0; i < p.length; i++) {
            int k = have.indexOf(all.charAt(i));
            p[i] = k >= 0 ? k : DimShuffle.NEW_AXIS;
        }
        return p;
    }
}
