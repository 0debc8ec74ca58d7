package org.symtensor.samples;

import static org.symtensor.T.*;

import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;

/**
 * Theano's tutorial section "Derivatives in Theano": gradients, the Jacobian, the Hessian, and
 * the R- and L-operators, with the dynamic API.
 */
public final class Derivatives {
    private Derivatives() {}

    public static void main(String[] args) {
        System.out.println("== Derivatives");
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = x.pow(2);
        Scalar<F64> gy = grad(y, x);
        System.out.println("pp(grad(x ** 2, x)) = " + pp(gy));
        Function f = function(inputs(x), gy);
        System.out.println("d(x^2)/dx at 4 = " + f.call(4.0));
        System.out.println("d(x^2)/dx at 94.2 = " + f.call(94.2));

        Matrix<F64> m = dmatrix("x");
        Scalar<F64> s = sigmoid(m).sum();
        Function dlogistic = function(inputs(m), grad(s, m));
        System.out.println("grad of sum(logistic(x)) at [[0, 1], [-1, -2]] = "
                + dlogistic.call((Object) new double[][] {{0, 1}, {-1, -2}}));

        Vector<F64> v = dvector("x");
        Matrix<F64> j = jacobian(v.pow(2), v);
        System.out.println("jacobian(x ** 2) at [4, 4] = " + function(inputs(v), j).call((Object) new double[] {4, 4}));
        Matrix<F64> h = hessian(v.pow(2).sum(), v);
        System.out.println("hessian(sum(x ** 2)) at [4, 4] = " + function(inputs(v), h).call((Object) new double[] {4, 4}));

        Matrix<F64> w = dmatrix("W");
        Vector<F64> vx = dvector("x");
        Matrix<F64> ev = dmatrix("V");
        Vector<F64> yv = w.dot(vx);
        Vector<F64> jv = Rop(yv, w, ev);
        Function rop = function(inputs(w, ev, vx), jv);
        System.out.println("Rop(W.dot(x), W, V) = " + rop.call(new double[][] {{1, 1}, {1, 1}},
                new double[][] {{2, 2}, {2, 2}}, new double[] {0, 1}));
        Vector<F64> u = dvector("v");
        Matrix<F64> vj = Lop(yv, w, u);
        Function lop = function(inputs(u, vx), vj);
        System.out.println("Lop(W.dot(x), W, v) = " + lop.call(new double[] {2, 2}, new double[] {0, 1}));
    }
}
