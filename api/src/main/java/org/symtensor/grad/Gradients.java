package org.symtensor.grad;

import org.symtensor.error.GradientException;
import org.symtensor.error.NonScalarCostException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Eye;
import org.symtensor.ir.GradMark;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.type.TensorType;

/**
 * Symbolic reverse-mode differentiation over the IR, as Theano's {@code grad}: the result is a
 * graph, so gradients compose, print, optimize and compile like any other expression. The same
 * backward pass, run with one batch axis seeded by an identity matrix, gives Jacobians; forward
 * products ({@link #rop}) come from the reverse pass by Theano's double-transpose trick.
 */
public final class Gradients {
    private static final Logger LOG = Logger.getLogger(Gradients.class.getName());

    private Gradients() {}

    /** The gradients of a scalar {@code cost} with respect to each of {@code wrt}. */
    public static List<Variable> grad(Variable cost, List<Variable> wrt, GradOptions options) {
        Map<Variable, Variable> seeds = new LinkedHashMap<>();
        if (cost != null) {
            if (cost.type().rank() != 0) {
                throw new NonScalarCostException("grad: the cost must be a scalar, got " + where(cost) + " of rank "
                        + cost.type().rank() + " (static shape " + TensorType.shapeString(cost.type().shape())
                        + "); reduce it first, e.g. with sum() or mean()");
            }
            boolean onlyItself = !wrt.isEmpty() && wrt.stream().allMatch(w -> w == cost);
            if (!cost.type().dtype().isFloat() && !onlyItself) {
                throw new GradientException("grad: the cost " + where(cost) + " has dtype " + cost.type().dtype()
                        + "; a cost must be float32 or float64");
            }
            // Theano seeds with ones_like(cost), not a bare 1: the gradient graph then reads the cost's
            // inputs, so function() does not reject one that the gradient alone would not use
            seeds.put(cost, Ops.elemwise(ScalarOp.SECOND, cost, Ops.constant(1, cost.type().dtype())));
        }
        for (Map.Entry<Variable, Variable> k : options.knownGrads().entrySet()) {
            seeds.put(k.getKey(), checkSeed(k.getKey(), k.getValue(), 0));
        }
        if (seeds.isEmpty()) {
            throw new GradientException("grad: give a cost or knownGrads");
        }
        return backprop(seeds, wrt, 0, options, null);
    }

    /** The variable's label, with where it was created when the label is only its name. */
    static String where(Variable v) {
        return v.name() != null ? v.describe() + " (created at " + v.createdAt() + ")" : v.describe();
    }

    private static Variable checkSeed(Variable v, Variable g, int batch) {
        if (g.type().rank() != v.type().rank() + batch) {
            throw new GradientException("the gradient given for " + where(v) + " has rank " + g.type().rank()
                    + " but the variable has rank " + v.type().rank());
        }
        return g;
    }

    /**
     * The Jacobian of a vector {@code y}: for each {@code wrt} variable x, an array of shape
     * {@code (len(y),) + shape(x)}. One backward pass with a batch axis, not one graph per element.
     */
    public static List<Variable> jacobian(Variable y, List<Variable> wrt, GradOptions options) {
        if (y.type().rank() == 0) {
            return grad(y, wrt, options);
        }
        if (y.type().rank() != 1) {
            throw new GradientException("jacobian: the expression must be a vector, got " + where(y) + " of rank "
                    + y.type().rank() + "; flatten it first");
        }
        if (!y.type().dtype().isFloat()) {
            throw new GradientException("jacobian: " + y.describe() + " has dtype " + y.type().dtype() + "; it must be float");
        }
        Variable n = Ops.shape(y, 0);
        Variable seed = Apply.output(Eye.of(y.type().dtype()), n);
        Map<Variable, Variable> seeds = new LinkedHashMap<>();
        seeds.put(y, seed);
        return backprop(seeds, wrt, 1, options, seed);
    }

    /** The Hessian of a scalar cost with respect to a vector (or scalar) x. */
    public static Variable hessian(Variable cost, Variable x, GradOptions options) {
        if (x.type().rank() > 1) {
            throw new GradientException("hessian: " + where(x) + " has rank " + x.type().rank()
                    + "; give a vector or a scalar");
        }
        Variable g = grad(cost, List.of(x), options).get(0);
        return jacobian(g, List.of(x), options).get(0);
    }

    /** Theano's Lop: the vector-Jacobian products {@code u · ∂f/∂x} for each x of {@code wrt}. */
    public static List<Variable> lop(Variable f, List<Variable> wrt, Variable u, GradOptions options) {
        if (u.type().dtype() != f.type().dtype() || u.type().rank() != f.type().rank()) {
            throw new GradientException("Lop: the eval point " + u.describe() + " has type " + u.type()
                    + " but " + f.describe() + " has type " + f.type());
        }
        Map<Variable, Variable> seeds = new LinkedHashMap<>();
        seeds.put(f, u);
        return backprop(seeds, wrt, 0, options, null);
    }

    /**
     * Theano's Rop: the Jacobian-vector product {@code ∂f/∂x · v} summed over {@code wrt}, by the
     * double-transpose trick: the Lop is linear in its eval point u, so differentiating
     * {@code Σ Lop(u)·v} with respect to u gives {@code J v}.
     */
    public static Variable rop(Variable f, List<Variable> wrt, List<Variable> v, GradOptions options) {
        if (wrt.size() != v.size()) {
            throw new GradientException("Rop: " + wrt.size() + " wrt variables but " + v.size() + " eval points");
        }
        for (int i = 0; i < wrt.size(); i++) {
            if (wrt.get(i).type().rank() != v.get(i).type().rank()) {
                throw new GradientException("Rop: the eval point " + v.get(i).describe() + " has rank "
                        + v.get(i).type().rank() + " but " + wrt.get(i).describe() + " has rank " + wrt.get(i).type().rank());
            }
        }
        if (!f.type().dtype().isFloat()) {
            throw new GradientException("Rop: " + f.describe() + " must be float, got " + f.type().dtype());
        }
        Variable u = new Variable(TensorType.ofRank(f.type().dtype(), f.type().rank()), "rop_u");
        List<Variable> l = lop(f, wrt, u, options.toBuilder().disconnectedInputs(GradOptions.Disconnected.IGNORE).build());
        Variable s = null;
        for (int i = 0; i < wrt.size(); i++) {
            Variable term = Ops.reduce(Reduce.Kind.SUM, Ops.elemwise(ScalarOp.MUL, l.get(i), Ops.cast(v.get(i), l.get(i).type().dtype())));
            s = s == null ? term : Ops.elemwise(ScalarOp.ADD, s, term);
        }
        Variable jv = grad(s, List.of(u), GradOptions.builder().disconnectedInputs(GradOptions.Disconnected.IGNORE).build()).get(0);
        // u remains only as a shape source (fills of the reductions): any value of f's shape will do
        Variable zeros = Ops.elemwise(ScalarOp.SECOND, f, Ops.constant(0, f.type().dtype()));
        Map<Variable, Variable> r = new IdentityHashMap<>();
        r.put(u, zeros);
        return Graphs.replace(List.of(jv), r).get(0);
    }

    // ---- the backward pass --------------------------------------------------------------------

    private static List<Variable> backprop(Map<Variable, Variable> seeds, List<Variable> wrt, int batch,
            GradOptions options, Variable batchSeed) {
        Set<Variable> cut = options.considerConstant();
        Set<Variable> wrtSet = Graphs.identitySet();
        wrtSet.addAll(wrt);
        List<Variable> outputs = new ArrayList<>(seeds.keySet());
        List<Apply> order = Graphs.toposort(outputs);

        // which variables depend on some wrt variable, without passing a constant or a disconnect
        Set<Variable> dependsOnWrt = Graphs.identitySet();
        dependsOnWrt.addAll(wrtSet);
        for (Apply a : order) {
            if (isDisconnecting(a)) {
                continue;
            }
            for (Variable in : a.inputs()) {
                if (dependsOnWrt.contains(in) && !cut.contains(in)) {
                    dependsOnWrt.addAll(a.outputs());
                    break;
                }
            }
        }
        for (Variable c : cut) {
            if (!wrtSet.contains(c)) {
                dependsOnWrt.remove(c);
            }
        }

        Map<Variable, List<Variable>> contributions = new IdentityHashMap<>();
        for (Map.Entry<Variable, Variable> s : seeds.entrySet()) {
            contributions.computeIfAbsent(s.getKey(), k -> new ArrayList<>()).add(s.getValue());
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Apply a = order.get(i);
            if (a.op().kind() == OpKind.RANDOM) {
                continue; // GradRules: no gradient flows through a draw, to any input
            }
            List<Variable> outGrads = new ArrayList<>(a.outputs().size());
            boolean any = false;
            for (Variable out : a.outputs()) {
                List<Variable> gs = contributions.get(out);
                if (gs == null || !dependsOnWrt.contains(out) || wrtSet.contains(out) && cut.contains(out)) {
                    outGrads.add(null);
                } else {
                    outGrads.add(sum(gs));
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            List<Variable> ins = GradRules.inputGrads(a, outGrads, batch);
            for (int j = 0; j < ins.size(); j++) {
                Variable in = a.inputs().get(j);
                Variable gi = ins.get(j);
                if (gi == null || !dependsOnWrt.contains(in) || !in.type().dtype().isFloat()) {
                    continue;
                }
                contributions.computeIfAbsent(in, k -> new ArrayList<>()).add(fitTo(gi, in.type(), batch));
            }
        }

        Set<Variable> connected = connectedInputs(outputs, cut);
        List<Variable> result = new ArrayList<>(wrt.size());
        for (Variable x : wrt) {
            List<Variable> gs = contributions.get(x);
            if (gs != null && seeds.containsKey(x)) {
                result.add(sum(gs)); // the gradient of a seed with respect to itself: 1, whatever its dtype or cut
                continue;
            }
            if (gs != null && x.type().dtype().isFloat()) {
                result.add(sum(gs));
                continue;
            }
            if (!connected.contains(x)) {
                String msg = "grad: the cost does not depend on " + where(x) + " (type " + x.type()
                        + "); pass disconnectedInputs(IGNORE) or (WARN) if this is expected";
                switch (options.disconnectedInputs()) {
                    case RAISE:
                        throw new GradientException(msg);
                    case WARN:
                        LOG.warning(msg);
                        break;
                    case IGNORE:
                        break;
                }
                if (options.returnDisconnected() == GradOptions.ReturnDisconnected.NONE) {
                    result.add(null);
                    continue;
                }
            }
            result.add(zeros(x, batch, batchSeed));
        }
        return result;
    }

    private static boolean isDisconnecting(Apply a) {
        return a.op().kind() == OpKind.GRAD_MARK && ((GradMark) a.op()).markKind() == GradMark.Kind.DISCONNECTED;
    }

    /** The graph inputs and intermediate variables reachable backwards from the outputs without crossing a cut. */
    private static Set<Variable> connectedInputs(List<Variable> outputs, Set<Variable> cut) {
        Set<Variable> seen = Graphs.identitySet();
        List<Variable> stack = new ArrayList<>(outputs);
        while (!stack.isEmpty()) {
            Variable v = stack.remove(stack.size() - 1);
            if (!seen.add(v) || cut.contains(v)) {
                continue;
            }
            Apply a = v.owner();
            if (a != null && !isDisconnecting(a)) {
                stack.addAll(a.inputs());
            }
        }
        return seen;
    }

    private static Variable sum(List<Variable> gs) {
        Variable s = gs.get(0);
        for (int i = 1; i < gs.size(); i++) {
            s = Ops.elemwise(ScalarOp.ADD, s, gs.get(i));
        }
        return s;
    }

    /**
     * Makes a gradient fit its variable: sums over the axes the variable was broadcast along
     * (keeping them as length-1 axes) and casts to the variable's dtype.
     */
    static Variable fitTo(Variable g, TensorType t, int batch) {
        int r = t.rank();
        if (g.type().rank() != batch + r) {
            g = Ops.padLeft(g, batch + r);
        }
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            if (t.dim(i) == 1 && g.type().dim(batch + i) != 1) {
                axes.add(batch + i);
            }
        }
        if (!axes.isEmpty()) {
            Variable s = Ops.reduce(Reduce.Kind.SUM, g, axes.stream().mapToInt(Integer::intValue).toArray());
            int[] pattern = new int[batch + r];
            int k = 0;
            for (int i = 0; i < batch + r; i++) {
                pattern[i] = axes.contains(i) ? DimShuffle.NEW_AXIS : k++;
            }
            g = Ops.dimshuffle(s, pattern);
        }
        return Ops.cast(g, t.dtype());
    }

    /** Zeros shaped like x's gradient: x's shape, behind the batch axes of a Jacobian. */
    private static Variable zeros(Variable x, int batch, Variable batchSeed) {
        Variable z = Ops.elemwise(ScalarOp.SECOND, x, Ops.constant(0, x.type().dtype()));
        if (batch == 0) {
            return z;
        }
        // a zero vector of the batch length, broadcast against zeros of x's shape
        Variable batchZeros = Ops.elemwise(ScalarOp.MUL, Ops.reduce(Reduce.Kind.SUM, batchSeed, 1),
                Ops.constant(0, batchSeed.type().dtype()));
        int[] pattern = new int[1 + x.type().rank()];
        pattern[0] = 0;
        for (int i = 1; i < pattern.length; i++) {
            pattern[i] = DimShuffle.NEW_AXIS;
        }
        return Ops.elemwise(ScalarOp.ADD, Ops.dimshuffle(batchZeros, pattern), Ops.cast(z, batchSeed.type().dtype()));
    }
}
