package org.symtensor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Shared variables, {@code update(...)} statements, lambdas, method references and scan in bodies:
 * what compiles, what the graph builders look like, and every error pinned to its line.
 */
class StateAndLoopsTest {
    private static int line(int bodyLine) {
        return Sources.HEADER + bodyLine + 1;
    }

    private static void assertError(ErrorCode code, String words, int bodyLine, String... body) {
        JavaFileObject src = Sources.foo(body);
        Compilation c = Sources.compile(src);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(code.tag()).inFile(src).onLine(line(bodyLine));
        assertThat(c).hadErrorContaining(words);
    }

    private static String generated(String... body) {
        Compilation c = Sources.compile(Sources.foo(body));
        assertThat(c).succeeded();
        return GoldenFiles.source(c, "test.FooSymbolic");
    }

    @Test
    void accumulator_readsTheRealField_andPassesItsUpdatesToFunction() {
        String s = generated(
                "    static final SharedScalar<I32> STATE = shared(0, \"state\");",
                "    @SymbolicFunction",
                "    static Scalar<I32> accumulate(Scalar<I32> inc) {",
                "        update(STATE, STATE.plus(inc));",
                "        return STATE;",
                "    }");
        assertThat(s).contains("public static Scalar<I32> accumulateGraph(Scalar<I32> inc, List<Update> updates) {")
                .contains("updates.add(T.update(Foo.STATE, Foo.STATE.plus(inc)));")
                .contains("return Foo.STATE;")
                .contains("return T.function(T.inputs(inc), out, Updates.of(updates));")
                .doesNotContain("AccumulateKernel");
    }

    @Test
    void qualifiedFieldAndTwoUpdates_areWrittenInOrder() {
        String s = generated(
                "    static final SharedMatrix<F64> W = shared(new double[][] {{1, 2}, {3, 4}}, \"W\");",
                "    static final SharedScalar<I32> STEPS = shared(0, \"steps\");",
                "    @SymbolicFunction",
                "    static Scalar<F64> sgd(Matrix<F64> g) {",
                "        var cost = Foo.W.times(g).sum();",
                "        update(W, W.minus(g.times(0.1)));",
                "        update(STEPS, STEPS.plus(1));",
                "        return cost;",
                "    }");
        assertThat(s).containsSubsequence("updates.add(T.update(Foo.W, Foo.W.minus(g.times(0.1))));",
                "updates.add(T.update(Foo.STEPS, Foo.STEPS.plus(1)));");
    }

    @Test
    void parameterNamedUpdates_getsAnotherListName() {
        String s = generated(
                "    static final SharedScalar<I32> STATE = shared(0, \"state\");",
                "    @SymbolicFunction",
                "    static Scalar<I32> f(Scalar<I32> updates) {",
                "        update(STATE, updates);",
                "        return STATE;",
                "    }");
        assertThat(s).contains("List<Update> updates_)").contains("updates_.add(T.update(Foo.STATE, updates));");
    }

    @Test
    void constantField_isNotSymbolic_namingTheField() {
        assertError(ErrorCode.NOT_SYMBOLIC, "cannot read the field 'K': its type double is not a shared variable", 3,
                "    static final double K = 2;",
                "    @SymbolicFunction",
                "    static Vector<F64> f(Vector<F64> x) {",
                "        return x.times(K);",
                "    }");
    }

    @Test
    void nonFinalSharedField_isNotSymbolic() {
        assertError(ErrorCode.NOT_SYMBOLIC, "cannot read the field 'S': it is not final", 3,
                "    static SharedScalar<I32> S = shared(0, \"s\");",
                "    @SymbolicFunction",
                "    static Scalar<I32> f(Scalar<I32> x) {",
                "        return x.plus(S);",
                "    }");
    }

    @Test
    void privateSharedField_isNotSymbolic() {
        assertError(ErrorCode.NOT_SYMBOLIC, "it is private", 3,
                "    private static final SharedScalar<I32> S = shared(0, \"s\");",
                "    @SymbolicFunction",
                "    static Scalar<I32> f(Scalar<I32> x) {",
                "        return S.plus(x);",
                "    }");
    }

    @Test
    void updateOfAMatrixWithAScalar_isShapeMismatch_onTheUpdate() {
        assertError(ErrorCode.SHAPE_MISMATCH, "update of shared variable W: expected float64 of rank 2", 3,
                "    static final SharedMatrix<F64> W = shared(new double[][] {{1}}, \"W\");",
                "    @SymbolicFunction",
                "    static Scalar<F64> f(Scalar<F64> x) {",
                "        update(W, W.sum().plus(x));",
                "        return x;",
                "    }");
    }

    @Test
    void updateInACalledMethod_isNotSymbolic() {
        assertError(ErrorCode.NOT_SYMBOLIC, "only the called method's own body may update", 3,
                "    static final SharedScalar<I32> S = shared(0, \"s\");",
                "    @SymbolicFunction",
                "    static Scalar<I32> bump(Scalar<I32> x) {",
                "        update(S, S.plus(x));",
                "        return S;",
                "    }",
                "    @SymbolicFunction",
                "    static Scalar<I32> g(Scalar<I32> x) {",
                "        return bump(x).plus(1);",
                "    }");
    }

    @Test
    void otherDroppedValue_isStillNotSymbolic() {
        assertError(ErrorCode.NOT_SYMBOLIC, "the one such statement allowed is update(sharedVariable, newValue)", 2,
                "    @SymbolicFunction",
                "    static Scalar<F64> f(Scalar<F64> x) {",
                "        x.plus(1);",
                "        return x;",
                "    }");
    }

    @Test
    void typedScanWithALambda_isWrittenBackAsTheSameLambda() {
        String s = generated(
                "    @SymbolicFunction",
                "    static Vector<F64> power(Vector<F64> a, Scalar<I64> k) {",
                "        var r = Scan.from(onesLike(a)).nonSequences(a).steps(k).iterate((prior, base) -> prior.times(base));",
                "        return r.last();",
                "    }");
        assertThat(s).contains("var r = Scan.from(T.onesLike(a)).nonSequences(a).steps(k)"
                + ".iterate((prior, base) -> prior.times(base));");
    }

    @Test
    void methodReference_becomesAReferenceToTheGraphBuilder() {
        String s = generated(
                "    @SymbolicFunction",
                "    static Vector<F64> times(Vector<F64> p, Vector<F64> q) {",
                "        return p.times(q);",
                "    }",
                "    @SymbolicFunction",
                "    static Vector<F64> power(Vector<F64> a, Scalar<I64> k) {",
                "        return Scan.from(onesLike(a)).nonSequences(a).steps(k).iterate(Foo::times).last();",
                "    }");
        assertThat(s).contains(".iterate(FooSymbolic::timesGraph).last();");
    }

    @Test
    void generalScanWithBlockLambdaAndCasts_compiles() {
        String s = generated(
                "    @SymbolicFunction",
                "    static Scalar<F64> total(Vector<F64> v) {",
                "        var r = scan(s -> {",
                "            var x = (Scalar<F64>) s.get(0);",
                "            return x.plus((Scalar<F64>) s.get(1));",
                "        }, sequences(v), outputsInfo(constant(0.0)));",
                "        return (Scalar<F64>) r.last(0);",
                "    }");
        assertThat(s).contains("var x = ((Scalar<F64>) s.get(0));").contains("return ((Scalar<F64>) r.last(0));");
    }

    @Test
    void scanStepThatDowncastsTheState_isDTypeMismatch_onTheScanLine() {
        assertError(ErrorCode.DTYPE_MISMATCH, "the step returns output 0 as float64 but its initial value 'init' is int32", 2,
                "    @SymbolicFunction",
                "    static Vector<I32> f(Scalar<I32> init) {",
                "        var r = scan(s -> cast((Scalar<I32>) s.get(0), F64.class).times(0.5),",
                "                outputsInfo(init), nSteps(3), goBackwards());",  // an extra option keeps the list form
                "        return (Vector<I32>) r.output();",
                "    }");
    }

    @Test
    void errorInsideALambda_isReportedOnItsLine() {
        assertError(ErrorCode.NOT_SYMBOLIC, "cannot call Math.abs", 4,
                "    @SymbolicFunction",
                "    static Vector<F64> power(Vector<F64> a, Scalar<I64> k) {",
                "        return Scan.from(onesLike(a)).nonSequences(a).steps(k).iterate((prior, base) -> {",
                "            var y = prior.times(base);",
                "            return y.times(Math.abs(-2.0));",
                "        }).last();",
                "    }");
    }

    @Test
    void castToTheWrongDtype_isDTypeMismatch_onTheCast() {
        assertError(ErrorCode.DTYPE_MISMATCH, "the cast expects a Scalar<I32>", 2,
                "    @SymbolicFunction",
                "    static Scalar<F64> total(Vector<F64> v) {",
                "        var r = scan(s -> ((Scalar<I32>) s.get(0)).plus(1), sequences(v), goBackwards());",
                "        return (Scalar<F64>) r.last(0);",
                "    }");
    }

    @Test
    void referenceToAMethodThatIsNotSymbolic_isNotSymbolic() {
        assertError(ErrorCode.NOT_SYMBOLIC, "is not a @SymbolicFunction method of Foo", 3,
                "    static Vector<F64> twice(Vector<F64> p, Vector<F64> q) { return p.times(q); }",
                "    @SymbolicFunction",
                "    static Vector<F64> power(Vector<F64> a, Scalar<I64> k) {",
                "        return Scan.from(onesLike(a)).nonSequences(a).steps(k).iterate(Foo::twice).last();",
                "    }");
    }

    @Test
    void lambdaOfTheWrongArity_isNotSymbolic_namingIt() {
        assertError(ErrorCode.NOT_SYMBOLIC, "takes (a lambda of 1 parameter(s))", 2,
                "    @SymbolicFunction",
                "    static Vector<F64> power(Vector<F64> a, Scalar<I64> k) {",
                "        return Scan.from(onesLike(a)).nonSequences(a).steps(k).iterate(p -> p).last();",
                "    }");
    }
}
