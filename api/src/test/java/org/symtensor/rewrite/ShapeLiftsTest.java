package org.symtensor.rewrite;

import static org.symtensor.rewrite.RewriteTesting.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.ir.Apply;
import org.symtensor.ir.FillOps;
import org.symtensor.ir.JoinOps;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.ShapeOf;
import org.symtensor.ir.ShapeOps;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;

/** {@code shape_lift_construction}: lengths of alloc, join and specifyShape outputs are read from the inputs. */
class ShapeLiftsTest {
    private static final RuleSet SHAPE = ShapeRules.rules();
    private final Variable x = dmatrix("x");
    private final Variable y = dmatrix("y");
    private final Variable n = var(DType.INT64, "n");

    private static Variable shapeOf(Variable v, int axis) {
        return Apply.output(ShapeOf.of(axis), v);
    }

    @Test
    void shapeOfAlloc_isTheRequestedLength() {
        Variable filled = FillOps.alloc(c(0, DType.FLOAT64), List.of(n, shapeOf(x, 1)));

        assertRewrites(SHAPE, shapeOf(filled, 0), n);
        assertRewrites(SHAPE, shapeOf(filled, 1), shapeOf(x, 1));
    }

    @Test
    void shapeOfJoin_addsAlongTheAxis_andReadsTheFirstInputElsewhere() {
        Variable joined = JoinOps.concatenate(0, List.of(x, y));

        assertRewrites(SHAPE, shapeOf(joined, 0), e(ScalarOp.ADD, shapeOf(x, 0), shapeOf(y, 0)));
        assertRewrites(SHAPE, shapeOf(joined, 1), shapeOf(x, 1));
    }

    @Test
    void shapeOfSpecifyShape_readsX() {
        assertRewrites(SHAPE, shapeOf(FillOps.specifyShape(x, -1, -1), 0), shapeOf(x, 0));
    }

    @Test
    void shapeOfReshape_isKept_becauseALengthMayBeMinusOne() {
        assertUnchanged(SHAPE, shapeOf(ShapeOps.reshape(x, List.of(n, shapeOf(x, 0))), 0));
    }
}
