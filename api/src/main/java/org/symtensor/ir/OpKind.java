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
    /** {@link LinAlg}: batched products, decompositions (inverse, det, solve, cholesky, eigh, svd, qr, pinv), diagonals. */
    LINALG,
    /** {@link Conv2d}: a 2-d NCHW convolution, its gradient with respect to the input (conv2dTranspose) or to the filters. */
    CONV2D,
    /** {@link Pool2d}: max or average pooling over the last two axes, its gradient, or the gradient's transpose. */
    POOL2D,
    /** {@link Reshape}: the elements in C order under a new, possibly symbolic, shape (one length may be -1). */
    RESHAPE,
    /** {@link Join}: tensors laid end to end along one axis (NumPy's concatenate). */
    JOIN,
    /** {@link Alloc}: a value broadcast to a run-time shape (zeros, ones, full). */
    ALLOC,
    /** {@link Arange}: start, start + step, ... below stop, with symbolic bounds. */
    ARANGE,
    /** {@link SpecifyShape}: x with a promised shape, checked when the function runs. */
    SPECIFY_SHAPE,
    /** {@link AdvancedSubtensor}: integer-array indexing along one axis, or a bool mask. */
    ADVANCED_INDEX,
    /** {@link AdvancedIncSubtensor}: a copy of x with y added at or written to an advanced index. */
    ADVANCED_INC,
    /** {@link Cumulative}: a running sum or product along one axis (cumsum, cumprod). */
    CUMULATIVE,
    /** {@link ArgSort}: the int64 positions that sort along one axis (argsort, argtopk). */
    SORT,
    /** {@link TakeAlongAxis}: take_along_axis and its adjoint, a scatter-add along one axis. */
    TAKE_ALONG,
    /** {@link Softmax}: softmax along one axis as one node (the CPU's one-pass form of the primitive graph). */
    SOFTMAX
}
