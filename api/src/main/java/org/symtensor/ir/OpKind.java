package org.symtensor.ir;

/** The closed set of op categories. Every layer switches over it with no default branch. */
public enum OpKind {
    /** {@link Elemwise}: a {@link ScalarOp} applied element by element with broadcasting. */
    ELEMWISE,
    /** {@link DimShuffle}: permute axes, drop or insert broadcastable axes. */
    DIMSHUFFLE,
    /** {@link Reduce}: sum, prod, max, min, mean, argmax, argmin, all, any over some or all axes. */
    REDUCE,
    /** {@link Dot}: vector and matrix products. */
    DOT,
    /** {@link ShapeOf}: the run-time length of one axis, as an int64 scalar. */
    SHAPE,
    /** {@link Eye}: the identity matrix of a run-time size. */
    EYE,
    /** {@link GradMark}: identity forward, a changed gradient backward. */
    GRAD_MARK,
    /** {@link RandomOp}: one draw from a distribution; outputs the next generator state and the sample. */
    RANDOM,
    /** {@link Scan}: a symbolic loop over an inner graph, outputs stacked on a leading axis. */
    SCAN,
    /** {@link Subtensor}: an integer index or a slice along one axis ({@code x[i]}, {@code x[a:b:s]}). */
    INDEX,
    /** {@link IncSubtensor}: a copy of x with y added at an index or slice; the gradient of {@link Subtensor}. */
    INC_INDEX,
    /** {@link IfElse}: a lazy conditional that computes only the branch taken. */
    IFELSE,
    /** {@link Composite}: several elementwise ops fused into one scalar program, run block by block. */
    COMPOSITE,
    /** {@link Cumulative}: a running sum or product along one axis (cumsum, cumprod). */
    CUMULATIVE,
    /** {@link ArgSort}: the int64 positions that sort along one axis (argsort, argtopk). */
    SORT,
    /** {@link TakeAlongAxis}: take_along_axis and its adjoint, a scatter-add along one axis. */
    TAKE_ALONG
}
